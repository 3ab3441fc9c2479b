package org.metalearn4j.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.metalearn4j.core.config.ConfigMappers;
import org.metalearn4j.examples.ReadmeBlocks;

/**
 * Every {@code ./metalearn} command of README's bash blocks runs as written, in order and in-process, with settings
 * that make it take seconds appended: one or two iterations, a narrow backbone, an evaluation episode or two, stage
 * sizes of pipelines cut by {@code --set}. Run directories are moved under the test's temporary directory. The
 * commands in {@link #SKIPPED} do not run here, each for the reason given.
 */
class ReadmeCommandsTest {
    /** Commands (by their start) that this test does not run, and why. */
    static final Map<String, String> SKIPPED = skipped();

    private static Map<String, String> skipped() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("./metalearn eval runs/proto --omniglot-runs", "needs all_runs.zip, downloaded by the reader");
        m.put("./metalearn eval runs/proto-seed1", "needs two runs of other seeds (the same command shape as the "
                + "within-alphabet evaluation that runs)");
        m.put("./metalearn generate runs/ns --support my-character/", "my-character/ stands for the reader's own "
                + "drawings (GeneratorCliTest generates from a run)");
        m.put("./metalearn pipeline examples/configs/pipelines/pretrain-protonet-fashion.yaml --resume",
                "continues an interrupted run (MetalearnCliTest resumes a pipeline)");
        m.put("./metalearn train examples/configs/omniglot-maml.yaml --local-workers", "starts worker JVMs "
                + "(ClusterCliTest runs local workers)");
        m.put("./metalearn worker", "a cluster across processes, started in the background (ClusterCliTest)");
        m.put("./metalearn train examples/configs/omniglot-maml.yaml --cluster", "needs the workers started above");
        m.put("./metalearn cluster status", "needs a running cluster (ClusterCliTest)");
        m.put("./metalearn train my-run.yaml", "two hosts; my-run.yaml stands for the reader's config");
        m.put("./metalearn config my-run.yaml", "my-run.yaml stands for the reader's config (config of a shipped "
                + "file is MetalearnCliTest's)");
        m.put("./metalearn plugins --plugins-dir plugins", "needs the plugin JAR built by javac and jar above "
                + "(PluginExampleTest builds and trains it)");
        m.put("./metalearn train examples/configs/omniglot-protonet.yaml --plugins-dir", "as above");
        m.put("./metalearn dashboard", "serves until stopped (DashboardAndPlotCliTest)");
        m.put("./metalearn train examples/configs/omniglot-protonet.yaml --out runs/proto --dashboard",
                "serves a dashboard on a fixed port (DashboardAndPlotCliTest)");
        m.put("./metalearn serve", "serves until stopped (its own test)");
        return m;
    }

    @TempDir
    Path dir;

    @Test
    void everyReadmeCommandRunsAsWritten() throws IOException {
        List<String> commands = commands(ReadmeBlocks.text());
        assertThat(commands).hasSizeGreaterThan(30);
        List<String> ran = new ArrayList<>();
        for (String command : commands) {
            if (SKIPPED.keySet().stream().anyMatch(command::startsWith)) {
                continue;
            }
            List<String> args = small(command);
            CliRun r = CliRun.of(args.toArray());
            assertThat(r.code()).as(command + "\nran as " + args + "\n" + r.err()).isZero();
            ran.add(command);
        }
        assertThat(ran).as("commands run").hasSizeGreaterThan(25)
                .anyMatch(c -> c.startsWith("./metalearn pipeline"))
                .anyMatch(c -> c.startsWith("./metalearn eval"))
                .as("a command behind OMP_NUM_THREADS=1 and before '; wait'")
                .anyMatch(c -> c.endsWith("--set learner.params.backbone.finalRelu=false"));
    }

    @Test
    void everySkippedCommandIsInTheReadme() throws IOException {
        List<String> commands = commands(ReadmeBlocks.text());
        SKIPPED.keySet().stream().filter(s -> !s.equals("./metalearn serve")).forEach(s ->
                assertThat(commands).as(s).anyMatch(c -> c.startsWith(s)));
    }

    @Test
    void configRefusesWhatTrainRefusesWithTheSameLine() {
        String[] set = {"--set", "learner.name=fomaml"};
        CliRun config = CliRun.of("config", "configs/omniglot-maml.yaml", set[0], set[1]);
        CliRun train = CliRun.of("train", "configs/omniglot-maml.yaml", set[0], set[1], "--out",
                dir.resolve("fomaml").toString());
        String line = "error: learner.params.order: fomaml is first-order by definition, got 'second'; use learner "
                + "maml for second-order meta-gradients (in configs/omniglot-maml.yaml)";
        assertThat(config.code()).isEqualTo(MetalearnCli.USAGE);
        assertThat(train.code()).isEqualTo(MetalearnCli.USAGE);
        assertThat(config.err().strip().lines()).last().isEqualTo(line);
        assertThat(train.err().strip().lines()).last().isEqualTo(line);
    }

    /**
     * The {@code ./metalearn} commands of every bash block, continuation lines joined, comments and leading environment
     * settings removed, split at {@code &&}, {@code &} and {@code ;}.
     */
    static List<String> commands(String readme) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("```bash\n(.*?)```", Pattern.DOTALL).matcher(readme);
        while (m.find()) {
            String block = m.group(1).replaceAll("\\\\\n\\s*", " ");
            for (String line : block.split("\n")) {
                for (String part : line.replaceFirst("#.*$", "").split("&&|&$|&\\s|;")) {
                    // leading environment settings (OMP_NUM_THREADS=1) change how a command runs, not what it does
                    String command = part.strip().replaceFirst("^([A-Z_]+=\\S*\\s+)+", "");
                    if (command.startsWith("./metalearn ")) {
                        out.add(command.replaceAll("\\s+", " "));
                    }
                }
            }
        }
        return out;
    }

    /** The command's arguments with paths moved under the temporary directory and tiny settings. */
    private List<String> small(String command) throws IOException {
        List<String> args = new ArrayList<>();
        for (String token : command.substring("./metalearn ".length()).split(" ")) {
            if (token.startsWith("runs/") || token.endsWith(".png") || token.equals("runs")) {
                args.add(dir.resolve(token).toString());
            } else if (token.contains("=runs/")) {
                args.add(token.replace("=runs/", "=" + dir.resolve("runs") + "/"));
            } else {
                args.add(token.replace("examples/configs/", "configs/"));
            }
        }
        switch (args.get(0)) {
            case "train" -> {
                boolean resume = args.contains("--resume");
                if (!resume && !args.contains("--out")) {
                    args.addAll(List.of("--out", dir.resolve("run" + args.hashCode() + "-" + args.size()).toString()));
                }
                args.addAll(List.of("--no-progress", "--set", "train.iterations=" + (resume ? 2 : 1),
                        // task-encoder rank-correlates the tasks of a meta-batch: it needs three
                        "--set", "train.metaBatch=" + (command.contains("task-encoder") ? 3 : 1),
                        "--set", "eval.episodes=" + (command.contains("task-encoder") ? 4 : 1)));
                if (command.contains("omniglot")) {
                    args.addAll(List.of("--set", "train.query=1", "--set", "eval.query=2"));
                    if (!command.contains("mann") && !command.contains("neural-statistician")) {
                        args.addAll(List.of("--set", "learner.params.backbone.channels=4"));
                    }
                }
            }
            case "eval" -> {
                set(args, "--episodes", "2");
                set(args, "--query", "2");
            }
            case "pipeline" -> {
                JsonNode stages = ConfigMappers.readYaml(Files.readString(Path.of(args.get(1))), args.get(1))
                        .get("stages");
                for (int i = 0; i < stages.size(); i++) {
                    JsonNode config = stages.get(i).path("config");
                    for (Map.Entry<String, String> tiny : Map.of("iterations", "1", "episodes", "2",
                            "maxPerClass", "20", "query", "2", "batchSize", "8").entrySet()) {
                        if (config.has(tiny.getKey())) {
                            args.addAll(List.of("--set", "stages." + i + ".config." + tiny.getKey() + "="
                                    + tiny.getValue()));
                        }
                    }
                }
                if (!args.contains("--check")) {
                    args.add("--no-progress");
                }
            }
            default -> {
            }
        }
        return args;
    }

    /** Replaces {@code option}'s value, or adds the option (picocli refuses an option given twice). */
    private static void set(List<String> args, String option, String value) {
        int at = args.indexOf(option);
        if (at >= 0) {
            args.set(at + 1, value);
        } else {
            args.addAll(Arrays.asList(option, value));
        }
    }
}

package org.metalearn4j.examples.apps;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.metalearn4j.core.checkpoint.CheckpointStore;
import org.metalearn4j.core.config.ConfigMappers;
import org.metalearn4j.core.dataset.DatasetException;
import org.metalearn4j.core.train.TrainingCheckpoint;
import org.metalearn4j.examples.cli.MetalearnCli;

/**
 * The application configs train by name through {@code metalearn train} (kept tiny here), the navigation run resumes
 * bitwise, and the application mains report failures as one {@code error:} line.
 */
class ApplicationConfigsTest {
    private static final ObjectMapper JSON = ConfigMappers.plain();
    private static final Path CONFIGS = Path.of("configs");

    @TempDir
    Path dir;

    private static String[] run(Object... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> argv = new ArrayList<>();
        for (Object a : args) {
            argv.add(String.valueOf(a));
        }
        int code = MetalearnCli.run(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), argv.toArray(String[]::new));
        return new String[] {Integer.toString(code), out.toString(StandardCharsets.UTF_8),
            err.toString(StandardCharsets.UTF_8)};
    }

    private static JsonNode lastLine(String out) throws IOException {
        String[] lines = out.strip().split("\n");
        return JSON.readTree(lines[lines.length - 1]);
    }

    @Test
    void everyApplicationConfigTrainsByNameAndReportsItsMetric() throws IOException {
        Map<String, List<String>> configs = Map.of(
                "nav2d-maml-rl.yaml", List.of("return", "train.metaBatch=2", "eval.episodes=2"),
                "movielens-maml.yaml", List.of("mse", "train.metaBatch=2", "eval.episodes=5",
                        "dataset.params.cacheDir=" + dir.resolve("cache")),
                "wordnet-protonet.yaml", List.of("accuracy", "train.way=5", "eval.episodes=5"),
                "breast-cancer-maml.yaml", List.of("accuracy", "train.metaBatch=2", "eval.episodes=5"));
        for (var c : configs.entrySet()) {
            List<Object> argv = new ArrayList<>(List.of("train", CONFIGS.resolve(c.getKey()), "--out",
                    dir.resolve(c.getKey()), "--no-progress", "--set", "train.iterations=2"));
            String metric = c.getValue().get(0);
            c.getValue().subList(1, c.getValue().size()).forEach(set -> argv.addAll(List.of("--set", set)));
            String[] r = run(argv.toArray());
            assertThat(r[0]).as(c.getKey() + ": " + r[2]).isEqualTo("0");
            JsonNode result = lastLine(r[1]);
            assertThat(result.get("iterations").asInt()).isEqualTo(2);
            assertThat(result.has(metric)).as(c.getKey() + " reports " + metric + ": " + result).isTrue();
            assertThat(result.get(metric).asDouble()).isFinite();
        }
    }

    @Test
    void navigationResumedFromACheckpointEndsBitwiseAsAnUninterruptedRun() throws IOException {
        Object[] common = {"--no-progress", "--set", "train.metaBatch=2", "--set", "eval.episodes=1", "--set",
            "train.checkpointEvery=1", "--set", "train.shot=5", "--set", "train.query=5"};
        Path straight = dir.resolve("straight");
        Path resumed = dir.resolve("resumed");
        assertThat(run(concat(new Object[] {"train", CONFIGS.resolve("nav2d-maml-rl.yaml"), "--out", straight, "--set",
            "train.iterations=3"}, common))[0]).isEqualTo("0");
        assertThat(run(concat(new Object[] {"train", CONFIGS.resolve("nav2d-maml-rl.yaml"), "--out", resumed, "--set",
            "train.iterations=2"}, common))[0]).isEqualTo("0");
        String[] more = run(concat(new Object[] {"train", CONFIGS.resolve("nav2d-maml-rl.yaml"), "--resume", resumed,
            "--set", "train.iterations=3"}, common));
        assertThat(more[0]).as(more[2]).isEqualTo("0");
        assertThat(finalState(resumed)).isEqualTo(finalState(straight));
    }

    @Test
    void aNonReinforcementLearnerOnEnvironmentsIsRefusedWithoutAStackTrace() {
        String[] r = run("train", CONFIGS.resolve("nav2d-maml-rl.yaml"), "--out", dir.resolve("x"), "--set",
                "learner.name=maml");
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2]).contains("error: learner.name").contains("cannot act").doesNotContain("\tat ");
    }

    @Test
    void applicationMainsPrintOneErrorLine() {
        PrintStream original = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int code = ApplicationMain.runReturningCode(new String[0], Map.of(), options -> {
                throw new DatasetException("WordNet noun data not found; install the Debian package wordnet-base");
            });
            assertThat(code).isEqualTo(1);
            assertThat(ApplicationMain.runReturningCode(new String[] {"--nope", "1"}, Map.of("out", "x"),
                    options -> { })).isEqualTo(2);
        } finally {
            System.setErr(original);
        }
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("error: WordNet noun data not found")
                .contains("error: bad option '--nope'").doesNotContain("\tat ");
    }

    private static Object[] concat(Object[] a, Object[] b) {
        Object[] out = new Object[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static byte[] finalState(Path run) throws IOException {
        var state = TrainingCheckpoint.learnerState(new CheckpointStore(run, 1).latestGood().orElseThrow()
                .checkpoint());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        state.write(new DataOutputStream(bytes));
        return bytes.toByteArray();
    }
}

package org.metalearn4j.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.metalearn4j.core.config.ConfigMappers;

/** The CLI end to end, in-process, with the core test fixtures (test-blobs, test-centroid) on the class path. */
class MetalearnCliTest {
    private static final ObjectMapper JSON = ConfigMappers.plain();

    @TempDir
    Path dir;

    static Path config(Path dir, int iterations) throws IOException {
        Path f = dir.resolve("blobs.yaml");
        Files.writeString(f, """
                seed: 5
                backend: auto
                dataset: {name: test-blobs}
                learner: {name: test-centroid}
                train: {iterations: %d, metaBatch: 2, way: 4, shot: 2, query: 5, checkpointEvery: 2, evalEvery: 100}
                eval: {way: 4, shot: 2, query: 5, episodes: 10}
                """.formatted(iterations));
        return f;
    }

    @Test
    void everyCommandHasHelpWithAnExample() {
        for (String command : List.of("train", "eval", "pipeline", "dashboard", "plot", "plugins", "backends",
                "datasets", "config")) {
            CliRun r = CliRun.of(command, "--help");
            assertThat(r.code()).as(command).isZero();
            assertThat(r.out()).as(command).contains("Usage: metalearn " + command).contains("Example:");
        }
        assertThat(CliRun.of("--help").out()).contains("train").contains("Example:");
    }

    @Test
    void trainWritesMetricsCheckpointsAndOneJsonSummaryThenEvalAndResume() throws IOException {
        Path run = dir.resolve("run");
        CliRun train = CliRun.of("train", config(dir, 4), "--out", run);

        assertThat(train.code()).as(train.err()).isZero();
        JsonNode summary = JSON.readTree(train.lastLine());
        assertThat(summary.get("iterations").asInt()).isEqualTo(4);
        assertThat(summary.get("accuracy").asDouble()).isBetween(0.0, 1.0);
        assertThat(summary.get("backend").asText()).startsWith("cpu: ");
        assertThat(train.out().strip().lines()).hasSize(1);
        // what it loads, each step before it starts; progress as plain lines, stderr being no terminal here
        assertThat(train.err()).containsSubsequence("metalearn train: test-centroid on test-blobs into " + run,
                        "loading the providers (learners, data sets, backends)", "starting the ND4J backend (auto)",
                        "backend cpu: ", "opening data set test-blobs and building learner test-centroid",
                        "training test-centroid on test-blobs", "train 50% 2/4 (", "train 100% 4/4 (")
                .doesNotContain("\r");
        assertThat(train.err().strip().lines()).last().asString().startsWith("done after 4 of 4 iterations");
        assertThat(Files.readAllLines(run.resolve("metrics.jsonl")))
                .filteredOn(l -> l.contains("\"event\":\"step\"")).hasSize(4);

        CliRun eval = CliRun.of("eval", run, "--way", 3, "--shot", 1, "--episodes", 7, "--seed", 9);
        assertThat(eval.code()).as(eval.err()).isZero();
        JsonNode e = JSON.readTree(eval.lastLine());
        assertThat(e.get("accuracy").asDouble()).isBetween(0.0, 1.0);
        assertThat(e.get("ci95").asDouble()).isGreaterThanOrEqualTo(0);
        assertThat(e.get("episodes").asInt()).isEqualTo(7);
        assertThat(e.get("way").asInt()).isEqualTo(3);
        assertThat(CliRun.of("eval", run, "--way", 3, "--shot", 1, "--episodes", 7, "--seed", 9).lastLine())
                .isEqualTo(eval.lastLine());

        CliRun resumed = CliRun.of("train", config(dir, 6), "--resume", run, "--no-progress");
        assertThat(resumed.code()).as(resumed.err()).isZero();
        assertThat(JSON.readTree(resumed.lastLine()).get("iterations").asInt()).isEqualTo(6);
        assertThat(Files.readAllLines(run.resolve("metrics.jsonl")))
                .filteredOn(l -> l.contains("\"event\":\"step\"")).hasSize(6);
    }

    @Test
    void pipelineShowsEachStageAndResumesAfterAnInterruptionOrACorruptArtifact() throws IOException {
        Path pipeline = dir.resolve("p.yaml");
        Files.writeString(pipeline, """
                seed: 4
                stages:
                  - stage: meta-train
                    config: {learner: test-centroid, dataset: test-blobs, split: meta-train, way: 3, shot: 2,
                             query: 4, metaBatch: 2, iterations: 3}
                  - stage: evaluate
                    config: {dataset: test-blobs, split: meta-test, way: 3, shot: 2, query: 4, episodes: 6}
                """);
        Path run = dir.resolve("run");
        CliRun first = CliRun.of("pipeline", pipeline, "--out", run);
        assertThat(first.code()).as(first.err()).isZero();
        // Each stage says what it loads, on its own line, after it starts and before its progress.
        assertThat(first.err()).containsSubsequence("[1/2] 0-meta-train starts\n",
                "[1/2] 0-meta-train loading data set test-blobs\n", "3/3", "[2/2] 1-evaluate starts\n",
                "[2/2] 1-evaluate loading data set test-blobs\n", "6/6");
        assertThat(first.err()).contains("[1/2] 0-meta-train starts").contains("3/3")
                .containsPattern("\\[1/2] 0-meta-train done in [0-9.]+ s")
                .contains("[2/2] 1-evaluate starts").contains("6/6").contains("[2/2] 1-evaluate done in");
        JsonNode summary = JSON.readTree(first.lastLine()).get("stages");

        CliRun refused = CliRun.of("pipeline", pipeline, "--out", run);
        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err()).contains("run directory " + run + " already holds stage artifacts")
                .contains("--resume " + run);

        // As if Ctrl-C came during the evaluation: its artifact was never written.
        Files.delete(run.resolve("1-evaluate/artifact.bin"));
        CliRun resumed = CliRun.of("pipeline", pipeline, "--resume", run, "--no-progress");
        assertThat(resumed.code()).as(resumed.err()).isZero();
        assertThat(resumed.err()).contains("[1/2] 0-meta-train reused (finished earlier): "
                        + run.resolve("0-meta-train/artifact.bin"))
                .contains("[2/2] 1-evaluate runs again, and every stage after it: no saved artifact")
                .contains("[2/2] 1-evaluate done in").doesNotContain("0-meta-train starts")
                // --no-progress: a heartbeat line instead of a bar
                .contains("1-evaluate 100% 6/6 (").doesNotContain("\r");
        assertThat(JSON.readTree(resumed.lastLine()).get("stages")).isEqualTo(summary);

        Path trained = run.resolve("0-meta-train/artifact.bin");
        byte[] bytes = Files.readAllBytes(trained);
        Files.write(trained, Arrays.copyOf(bytes, bytes.length - 5));
        CliRun repaired = CliRun.of("pipeline", pipeline, "--resume", run, "--no-progress");
        assertThat(repaired.code()).as(repaired.err()).isZero();
        assertThat(repaired.err()).contains("[1/2] 0-meta-train runs again, and every stage after it: model file "
                + trained + " is corrupt or truncated").contains("[2/2] 1-evaluate starts");
        assertThat(JSON.readTree(repaired.lastLine()).get("stages")).isEqualTo(summary);
    }

    @Test
    void badConfigFailsWithExitCode2AndOneLineNamingThePath() throws IOException {
        CliRun r = CliRun.of("train", config(dir, 4), "--set", "train.way=three", "--out", dir.resolve("x"));
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).doesNotContain("\n")
                .startsWith("error: train.way: expected an integer, got \"three\"");
        assertThat(r.out()).isEmpty();
        assertThat(dir.resolve("x")).doesNotExist();

        CliRun unknown = CliRun.of("train", config(dir, 4), "--set", "learner.name=no-such-learner",
                "--out", dir.resolve("y"));
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("learner.name: no learner named 'no-such-learner'; available:");

        assertThat(CliRun.of("train").code()).isEqualTo(2);
    }

    @Test
    void explicitCudaWithoutCudaFailsWithTheReasonNotAStackTrace() throws IOException {
        // Typed on the command line: no file to blame.
        CliRun r = CliRun.of("train", config(dir, 1), "--set", "backend=cuda", "--out", dir.resolve("c"));
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err().strip().lines()).hasSize(5).last().isEqualTo("error: backend 'cuda' is unavailable: "
                + "nd4j-cuda-11.6 is not on the class path (build with -Pcuda)");
        assertThat(r.err()).as("the lines printed at once").startsWith("metalearn train: test-centroid on ")
                .contains("\nstarting the ND4J backend (cuda)\n");

        Path file = config(dir, 1);
        Files.writeString(file, Files.readString(file).replace("backend: auto", "backend: cuda"));
        CliRun fromFile = CliRun.of("train", file, "--out", dir.resolve("d"));
        assertThat(fromFile.code()).isEqualTo(1);
        assertThat(fromFile.err().strip().lines()).last().isEqualTo("error: backend 'cuda' is unavailable: "
                + "nd4j-cuda-11.6 is not on the class path (build with -Pcuda) (in " + file + ")");
    }

    @Test
    void corruptCheckpointGivesAClearErrorNamingTheFile() throws IOException {
        Path run = dir.resolve("run");
        assertThat(CliRun.of("train", config(dir, 2), "--out", run, "--no-progress").code()).isZero();
        Path ckpt = run.resolve("checkpoints/ckpt-00000002.ml4j");
        byte[] bytes = Files.readAllBytes(ckpt);
        Files.write(ckpt, Arrays.copyOf(bytes, bytes.length - 7));

        CliRun r = CliRun.of("eval", ckpt);
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err().strip()).isEqualTo("error: model file " + ckpt
                + " is corrupt or truncated: SHA-256 checksum mismatch");
    }

    @Test
    void discoveryCommandsListProvidersOriginsAndAvailability() {
        CliRun backends = CliRun.of("backends");
        assertThat(backends.code()).isZero();
        assertThat(backends.out()).containsPattern("cpu\\s+10\\s+yes")
                .containsPattern("cuda\\s+100\\s+no .*build with -Pcuda")
                .contains("auto selects: cpu");

        CliRun plugins = CliRun.of("plugins");
        assertThat(plugins.out()).containsPattern("learner\\s+test-centroid\\s+0\\s+\\S*core\\S*")
                .containsPattern("dataset\\s+test-blobs")
                .containsPattern("backend\\s+cpu\\s+10\\s+(metalearn4j-)?backends-cpu");

        CliRun datasets = CliRun.of("datasets", "--check");
        assertThat(datasets.out()).contains("test-blobs").contains("available: classification, splits [meta-train, "
                + "meta-test]");

        CliRun defaults = CliRun.of("config", "--defaults");
        assertThat(defaults.out()).contains("iterations: 1000").contains("# learner 'test-centroid' params defaults")
                .contains("embedding: 4");
        assertThat(CliRun.of("config", "--defaults", "test-blobs").out()).contains("dims: 8");
    }

    @Test
    void configDefaultsDescribeEveryProviderKeyAndListTheValuesOfEnumKeys() {
        String maml = CliRun.of("config", "--defaults", "maml").out();
        assertThat(maml).contains("order: second  # second: exact meta-gradient through every inner step; first:"
                        + " FOMAML, inner gradients treated as constants (one of first, second)\n")
                .contains("metaOptimizer:  # the outer optimizer applying the meta-gradient\n"
                        + "  type: adam  # adam (PyTorch's betas and eps) or sgd (plain) (one of adam, sgd)\n");
        assertThat(CliRun.of("config", "--defaults", "protonet").out())
                .contains("distance: euclidean  #").contains("(one of euclidean, cosine)")
                .contains("    type: step  #").contains("(one of constant, step, cosine)");
        assertThat(CliRun.of("config", "--defaults", "multitask").out())
                .contains("tasks:  # the tasks").contains("  - dataset: fashion-mnist  # data set name\n")
                .contains("sampling: round-robin  #").contains("(one of proportional, round-robin)");
        assertThat(CliRun.of("config", "--defaults", "test-blobs").out()).contains("dims: 8  # input dimension");
    }

    @Test
    void configPrintsTheFullEffectiveConfigurationThatLoadsBackUnchanged() throws IOException {
        CliRun r = CliRun.of("config", config(dir, 3), "--set", "learner.params.embedding=6");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("  params:  # the provider's params").contains("    embedding: 6\n")
                .contains("    learningRate: 0.05\n").contains("    momentum: 0.9\n").contains("    dims: 8\n");
        Path effective = dir.resolve("effective.yaml");
        Files.writeString(effective, r.out());
        assertThat(CliRun.of("config", effective).out()).isEqualTo(r.out());
    }

    @Test
    void resumeWithAChangedConfigIsRefusedUnlessExplicitlyAllowed() throws IOException {
        Path run = dir.resolve("run");
        assertThat(CliRun.of("train", config(dir, 2), "--out", run, "--no-progress").code()).isZero();
        String saved = Files.readString(run.resolve("config.json"));
        assertThat(JSON.readTree(saved).at("/learner/params/momentum").asDouble()).isEqualTo(0.9);

        CliRun refused = CliRun.of("train", config(dir, 4), "--resume", run, "--no-progress",
                "--set", "learner.params.momentum=0.5", "--set", "eval.query=6");
        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err()).startsWith("metalearn train: ")
                .contains("\nerror: cannot resume: the configuration differs")
                .contains("\n  learner.params.momentum: 0.9 -> 0.5\n").contains("\n  eval.query: 5 -> 6\n")
                .contains("--allow-config-change");
        assertThat(Files.readString(run.resolve("config.json"))).isEqualTo(saved);

        CliRun longer = CliRun.of("train", config(dir, 3), "--resume", run, "--no-progress");
        assertThat(longer.code()).as(longer.err()).isZero();
        CliRun allowed = CliRun.of("train", config(dir, 4), "--resume", run, "--no-progress",
                "--set", "learner.params.momentum=0.5", "--allow-config-change");
        assertThat(allowed.code()).as(allowed.err()).isZero();
        assertThat(JSON.readTree(allowed.lastLine()).get("iterations").asInt()).isEqualTo(4);
        assertThat(JSON.readTree(Files.readString(run.resolve("config.json"))).at("/learner/params/momentum")
                .asDouble()).isEqualTo(0.5);
        assertThat(CliRun.of("train", "--help").out()).contains("--allow-config-change");
    }

    @Test
    void configValidatesProviderParams() throws IOException {
        CliRun r = CliRun.of("config", config(dir, 3), "--set", "learner.params.embedding=0");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("learner.params.embedding: expected an integer >= 1, got 0");
        CliRun ok = CliRun.of("config", config(dir, 3));
        assertThat(ok.code()).isZero();
        assertThat(ok.out()).contains("iterations: 3");
    }
}

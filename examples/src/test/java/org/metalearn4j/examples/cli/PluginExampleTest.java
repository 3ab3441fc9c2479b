package org.metalearn4j.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.metalearn4j.core.config.ConfigMappers;
import org.metalearn4j.core.learner.LearnerProvider;
import org.metalearn4j.core.plugin.TestJars;

/**
 * The example plugin (src/plugin-example, not on any class path) built into its own JAR, dropped into a plugins
 * directory next to broken JARs, and trained by name through the CLI.
 */
class PluginExampleTest {
    private static final String PLUGIN_CLASS = "org.metalearn4j.examples.plugin.NearestMeanLearnerProvider";
    private static final String SERVICES = "META-INF/services/" + LearnerProvider.class.getName();

    @TempDir
    Path dir;

    private Path pluginsWithExampleAndBrokenJars() throws IOException {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        Path source = Path.of(System.getProperty("metalearn.pluginExample", "src/plugin-example"));
        TestJars.buildFromDirectories(plugins.resolve("nearest-mean-plugin.jar"), source.resolve("java"),
                source.resolve("resources"));
        TestJars.build(plugins.resolve("missing-class.jar"), Map.of(),
                Map.of(SERVICES, TestJars.services("com.example.Gone")));
        TestJars.build(plugins.resolve("bad-services.jar"), Map.of(), Map.of(SERVICES, "com.example.Bad Name\n"));
        TestJars.build(plugins.resolve("zz-duplicate.jar"), Map.of("d.Dup", TestJars.learnerSource("d", "Dup",
                "nearest-mean", 0)), Map.of(SERVICES, TestJars.services("d.Dup")));
        return plugins;
    }

    @Test
    void theExamplePluginIsNotOnTheApplicationClassPath() {
        assertThatThrownBy(() -> Class.forName(PLUGIN_CLASS)).isInstanceOf(ClassNotFoundException.class);
    }

    @Test
    void trainsWithThePluginLearnerByNameWhileBrokenJarsAreReportedAndSkipped() throws IOException {
        Path plugins = pluginsWithExampleAndBrokenJars();
        Path config = dir.resolve("plugin.yaml");
        Files.writeString(config, """
                seed: 11
                pluginsDir: %s
                dataset: {name: test-blobs}
                learner: {name: nearest-mean, params: {learningRate: 0.01}}
                train: {iterations: 5, metaBatch: 2, way: 4, shot: 3, query: 5, checkpointEvery: 5}
                eval: {way: 4, shot: 3, query: 5, episodes: 20}
                """.formatted(plugins));
        Path run = dir.resolve("run");

        CliRun r = CliRun.of("train", config, "--out", run, "--no-progress");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).contains("warning: plugin bad-services.jar: skipped: ")
                .contains("warning: plugin missing-class.jar: skipped: ").contains("com.example.Gone")
                .contains("warning: plugin zz-duplicate.jar: duplicate learner name 'nearest-mean'")
                .contains("nearest-mean-plugin.jar kept");
        JsonNode summary = ConfigMappers.plain().readTree(r.lastLine());
        assertThat(summary.get("iterations").asInt()).isEqualTo(5);
        // Nearest mean on well-separated blobs (4 ways, chance 0.25) is a strong classifier without any training.
        assertThat(summary.get("accuracy").asDouble()).isGreaterThan(0.8);
        assertThat(Files.readAllLines(run.resolve("metrics.jsonl")))
                .filteredOn(l -> l.contains("\"event\":\"step\"")).hasSize(5);

        CliRun list = CliRun.of("plugins", "--plugins-dir", plugins);
        assertThat(list.out()).containsPattern("learner\\s+nearest-mean\\s+0\\s+nearest-mean-plugin.jar")
                .contains("skipped: missing-class.jar: ").contains("skipped: bad-services.jar: ");
        assertThat(CliRun.of("config", "--defaults", "nearest-mean", "--plugins-dir", plugins).out())
                .contains("initialTemperature: 0.1  # starting softmax temperature");
    }

    @Test
    void aRunTrainedWithPluginsDirIsEvaluatedWithoutRepeatingIt() throws IOException {
        Path plugins = pluginsWithExampleAndBrokenJars();
        Path config = pluginConfig();
        Path run = dir.resolve("run");

        CliRun trained = CliRun.of("train", config, "--plugins-dir", plugins, "--out", run, "--no-progress");

        assertThat(trained.code()).as(trained.err()).isZero();
        assertThat(ConfigMappers.plain().readTree(run.resolve("config.json").toFile()).get("pluginsDir").asText())
                .isEqualTo(plugins.toAbsolutePath().normalize().toString());
        CliRun evaluated = CliRun.of("eval", run, "--episodes", 4);
        assertThat(evaluated.code()).as(evaluated.err()).isZero();
        assertThat(ConfigMappers.plain().readTree(evaluated.lastLine()).get("episodes").asInt()).isEqualTo(4);
    }

    @Test
    void aResumeUsesTheRunsPluginsDirWithoutTheFlagAndAnotherGivenOneSayingSo() throws IOException {
        Path plugins = pluginsWithExampleAndBrokenJars();
        Path config = pluginConfig();
        Path run = dir.resolve("run");
        String recorded = plugins.toAbsolutePath().normalize().toString();
        CliRun trained = CliRun.of("train", config, "--plugins-dir", plugins, "--out", run, "--no-progress");
        assertThat(trained.code()).as(trained.err()).isZero();

        CliRun resumed = CliRun.of("train", config, "--resume", run, "--set", "train.iterations=4",
                "--no-progress");
        assertThat(resumed.code()).as(resumed.err()).isZero();
        assertThat(resumed.err()).contains("plugins directory " + recorded + " (recorded in the run)");
        assertThat(ConfigMappers.plain().readTree(resumed.lastLine()).get("iterations").asInt()).isEqualTo(4);

        Path moved = Files.createDirectories(dir.resolve("moved"));
        Files.copy(plugins.resolve("nearest-mean-plugin.jar"), moved.resolve("nearest-mean-plugin.jar"));
        String now = moved.toAbsolutePath().normalize().toString();
        CliRun elsewhere = CliRun.of("train", config, "--resume", run, "--set", "train.iterations=6",
                "--plugins-dir", moved, "--no-progress");
        assertThat(elsewhere.code()).as(elsewhere.err()).isZero();
        assertThat(elsewhere.err()).contains("plugins directory " + now + " instead of the run's " + recorded
                + " (--plugins-dir)").doesNotContain("cannot resume");
        assertThat(ConfigMappers.plain().readTree(elsewhere.lastLine()).get("iterations").asInt()).isEqualTo(6);
        assertThat(ConfigMappers.plain().readTree(run.resolve("config.json").toFile()).get("pluginsDir").asText())
                .isEqualTo(now);

        CliRun evaluated = CliRun.of("eval", run, "--episodes", 4);
        assertThat(evaluated.code()).as(evaluated.err()).isZero();
    }

    /** A two-iteration run of the example plugin's learner on the test data set. */
    private Path pluginConfig() throws IOException {
        return Files.writeString(dir.resolve("plugin.yaml"), """
                dataset: {name: test-blobs}
                learner: {name: nearest-mean}
                train: {iterations: 2, metaBatch: 1, way: 3, shot: 2, query: 2, checkpointEvery: 2}
                eval: {way: 3, shot: 2, query: 2, episodes: 4}
                """);
    }
}

package org.metalearn4j.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.metalearn4j.core.checkpoint.CheckpointStore;
import org.metalearn4j.core.config.ConfigMappers;
import org.metalearn4j.core.nn.backbone.BackboneProvider;
import org.metalearn4j.core.plugin.TestJars;
import org.metalearn4j.core.state.StateDict;
import org.metalearn4j.core.train.TrainingCheckpoint;

/**
 * A backbone that exists only in a plugin JAR (not on the class path): a learner of the class path, metric or
 * optimization-based, trains with it by naming its type under {@code learner.params.backbone}.
 */
class BackbonePluginTest {
    private static final String PROVIDER = """
            package bb;

            import com.fasterxml.jackson.annotation.JsonPropertyDescription;
            import java.util.LinkedHashMap;
            import java.util.Map;
            import org.metalearn4j.core.nn.Activation;
            import org.metalearn4j.core.nn.Linear;
            import org.metalearn4j.core.nn.Module;
            import org.metalearn4j.core.nn.Sequential;
            import org.metalearn4j.core.nn.backbone.Backbone;
            import org.metalearn4j.core.nn.backbone.BackboneProvider;
            import org.metalearn4j.core.nn.backbone.BackboneUse;

            public final class ProjectionBackbone implements BackboneProvider<ProjectionBackbone.Config> {
                public record Config(@JsonPropertyDescription("output width") int width) {
                    public Config {
                        if (width < 1) {
                            throw new IllegalArgumentException("width: expected >= 1, got " + width);
                        }
                    }
                }

                public String name() { return "projection"; }
                public String description() { return "one tanh projection"; }
                public Class<Config> configType() { return Config.class; }
                public Config defaults() { return new Config(5); }

                public Backbone create(Config config, long[] inputShape, BackboneUse use) {
                    Map<String, Module> layers = new LinkedHashMap<>();
                    layers.put("proj", new Linear(Math.toIntExact(inputShape[0]), config.width()));
                    layers.put("act", Activation.tanh());
                    return new Backbone(Sequential.named(layers), config.width());
                }
            }
            """;

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"protonet", "maml"})
    void aLearnerTrainsWithABackboneFromAPluginJar(String learner) throws IOException {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        TestJars.build(plugins.resolve("projection-backbone.jar"), Map.of("bb.ProjectionBackbone", PROVIDER),
                Map.of("META-INF/services/" + BackboneProvider.class.getName(),
                        TestJars.services("bb.ProjectionBackbone")));
        Path config = dir.resolve("run.yaml");
        Files.writeString(config, """
                seed: 5
                pluginsDir: %s
                dataset: {name: test-blobs}
                learner: {name: %s, params: {backbone: {type: projection, width: 7}}}
                train: {iterations: 3, metaBatch: 2, way: 4, shot: 2, query: 3, checkpointEvery: 3}
                eval: {way: 4, shot: 2, query: 3, episodes: 5}
                """.formatted(plugins, learner));
        Path run = dir.resolve("run");

        CliRun r = CliRun.of("train", config, "--out", run, "--no-progress");

        assertThat(r.code()).as(r.err()).isZero();
        JsonNode summary = ConfigMappers.json().readTree(r.lastLine());
        assertThat(summary.get("iterations").asInt()).isEqualTo(3);
        StateDict learnerState = TrainingCheckpoint.learnerState(new CheckpointStore(run, 1).latestGood()
                .orElseThrow().checkpoint(), "final");
        assertThat(learnerState.names()).contains("params.backbone.proj.weight", "params.backbone.proj.bias");
        assertThat(learnerState.get("params.backbone.proj.weight").shape()).containsExactly(7, 8);
        assertThat(CliRun.of("plugins", "--plugins-dir", plugins).out())
                .containsPattern("backbone\\s+projection\\s+0\\s+projection-backbone.jar");
    }
}

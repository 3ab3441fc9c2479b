package org.metalearn4j.transfer.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.metalearn4j.core.config.ConfigMappers;
import org.metalearn4j.core.spi.ConfigException;

/** {@code metalearn pipeline --set}: dotted paths into the pipeline and its stages' configs. */
class PipelineOverridesTest {
    private static final String YAML = """
            seed: 1
            stages:
              - stage: pretrain
                config: {dataset: omniglot-small, iterations: 2000, backbone: {type: conv4, channels: 64}}
              - stage: evaluate
                config: {episodes: 1000}
              - stage: evaluate
            """;

    private static ObjectNode doc() {
        return (ObjectNode) ConfigMappers.readYaml(YAML, "p.yaml");
    }

    @Test
    void setsTheSeedAndStageConfigKeysByNameOrIndex() {
        ObjectNode out = PipelineOverrides.apply(doc(), List.of("seed=7", "stages.pretrain.config.iterations=20",
                "stages.pretrain.config.backbone.channels=8", "stages.1.config.episodes=5",
                "stages.2.config.way=3"), "p.yaml");
        PipelineSpec spec = PipelineSpecReader.parse(out.toString());
        assertThat(spec.seed()).isEqualTo(7);
        assertThat(spec.stages().get(0).config().get("iterations").asInt()).isEqualTo(20);
        assertThat(spec.stages().get(0).config().at("/backbone/channels").asInt()).isEqualTo(8);
        assertThat(spec.stages().get(0).config().at("/backbone/type").asText()).isEqualTo("conv4");
        assertThat(spec.stages().get(1).config().get("episodes").asInt()).isEqualTo(5);
        assertThat(spec.stages().get(2).config().get("way").asInt()).isEqualTo(3);
        assertThat(doc().get("seed").asInt()).as("the document read is not changed").isEqualTo(1);
    }

    @Test
    void refusesPathsThatNameNothingSayingWhatItExpected() {
        assertThatThrownBy(() -> PipelineOverrides.apply(doc(), List.of("stages.finetune.config.lr=1"), "p.yaml"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("no stage 'finetune'")
                .hasMessageContaining("[0: pretrain, 1: evaluate, 2: evaluate]")
                .hasMessageContaining("p.yaml");
        assertThatThrownBy(() -> PipelineOverrides.apply(doc(), List.of("stages.evaluate.config.way=3"), "p.yaml"))
                .hasMessageContaining("several stages are named 'evaluate': give the index");
        assertThatThrownBy(() -> PipelineOverrides.apply(doc(), List.of("train.iterations=3"), "p.yaml"))
                .hasMessageContaining("--set train.iterations=3 names nothing in the pipeline")
                .hasMessageContaining("stages.STAGE.config.KEY");
        assertThatThrownBy(() -> PipelineOverrides.apply(doc(), List.of("stages.0.iterations=3"), "p.yaml"))
                .hasMessageContaining("names nothing in the pipeline");
        assertThatThrownBy(() -> PipelineOverrides.apply(doc(), List.of("seed"), "p.yaml"))
                .hasMessageContaining("--set expects key.path=value");
    }
}

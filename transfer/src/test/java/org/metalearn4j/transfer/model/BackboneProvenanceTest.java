package org.metalearn4j.transfer.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.metalearn4j.core.nn.BackboneSpec;
import org.metalearn4j.core.plugin.PluginRegistry;

class BackboneProvenanceTest {

    @Test
    void recordsEveryParameterOfTheProviderAndReadsBackTheSameNetwork() {
        PluginRegistry registry = PluginRegistry.classpath();
        BackboneSpec mlp = BackboneSpec.mlp(16, 8);
        assertThat(BackboneProvenance.of(mlp, registry)).containsExactly(Map.entry("backbone",
                "{\"type\":\"mlp\",\"hidden\":[16,8],\"activation\":\"relu\"}"));
        assertThat(BackboneProvenance.read(BackboneProvenance.of(mlp, registry))).isEqualTo(mlp.complete(registry));
        // a later default of conv4's own cannot change what an artifact recorded this way builds
        assertThat(BackboneProvenance.of(BackboneSpec.conv4(8), registry).get("backbone"))
                .isEqualTo("{\"type\":\"conv4\",\"channels\":8,\"finalRelu\":true}");
        BackboneSpec auto = BackboneSpec.defaults();
        assertThat(BackboneProvenance.read(BackboneProvenance.of(auto, registry))).isEqualTo(auto.complete(registry));
    }

    @Test
    void missingOrUnreadableEntriesNameTheStage() {
        assertThatThrownBy(() -> BackboneProvenance.read(Map.of("stage", "pretrain")))
                .hasMessageContaining("stage 'pretrain' does not record its backbone architecture ('backbone')");
        assertThatThrownBy(() -> BackboneProvenance.read(Map.of("stage", "finetune", "backbone", "{\"type\":")))
                .hasMessageContaining("stage 'finetune' records an unreadable backbone architecture");
        assertThatThrownBy(() -> BackboneProvenance.read(Map.of("backbone", "{\"type\":\"conv4\",\"hidden\":[4]}")))
                .hasMessageContaining("backbone.hidden: unknown key for backbone type 'conv4'");
    }
}

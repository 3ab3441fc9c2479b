package org.metalearn4j.transfer.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.metalearn4j.core.nn.BackboneSpec;

class BackboneProvenanceTest {

    @Test
    void recordsTheSpecAsWrittenAndReadsBackTheSameSpec() {
        BackboneSpec mlp = BackboneSpec.mlp(16, 8);
        assertThat(BackboneProvenance.of(mlp)).containsExactly(Map.entry("backbone",
                "{\"type\":\"mlp\",\"hidden\":[16,8]}"));
        assertThat(BackboneProvenance.read(BackboneProvenance.of(mlp))).isEqualTo(mlp);
        BackboneSpec auto = BackboneSpec.defaults();
        assertThat(BackboneProvenance.read(BackboneProvenance.of(auto))).isEqualTo(auto);
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

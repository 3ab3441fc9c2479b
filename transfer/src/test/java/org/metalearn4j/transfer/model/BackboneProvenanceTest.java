package org.metalearn4j.transfer.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.metalearn4j.core.nn.BackboneSpec;

class BackboneProvenanceTest {

    @Test
    void recordsEveryFieldAndReadsBackTheSameSpec() {
        BackboneSpec mlp = BackboneSpec.mlp(16, 8);
        assertThat(BackboneProvenance.of(mlp)).containsExactly(Map.entry("backbone", "mlp"),
                Map.entry("backbone.hidden", "16,8"), Map.entry("backbone.channels", "64"));
        assertThat(BackboneProvenance.read(BackboneProvenance.of(mlp))).isEqualTo(mlp);
        BackboneSpec auto = new BackboneSpec("auto", List.of(40, 40), 32);
        assertThat(BackboneProvenance.read(BackboneProvenance.of(auto))).isEqualTo(auto);
    }

    @Test
    void missingOrUnreadableEntriesNameTheStage() {
        Map<String, String> old = Map.of("stage", "pretrain", "backbone", "mlp", "backbone.hidden", "16");
        assertThatThrownBy(() -> BackboneProvenance.read(old))
                .hasMessageContaining("stage 'pretrain' does not record its backbone architecture")
                .hasMessageContaining("'backbone.channels'");
        Map<String, String> garbled = new LinkedHashMap<>(BackboneProvenance.of(BackboneSpec.conv4(8)));
        garbled.put("backbone.hidden", "40,x");
        assertThatThrownBy(() -> BackboneProvenance.read(garbled))
                .hasMessageContaining("unreadable backbone architecture: backbone.hidden='40,x'");
        Map<String, String> badType = new LinkedHashMap<>(BackboneProvenance.of(BackboneSpec.conv4(8)));
        badType.put("backbone", "resnet");
        assertThatThrownBy(() -> BackboneProvenance.read(badType)).hasMessageContaining("backbone.type");
    }
}

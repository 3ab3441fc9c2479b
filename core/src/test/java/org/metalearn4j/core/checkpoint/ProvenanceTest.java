package org.metalearn4j.core.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.bytedeco.javacpp.Loader;
import org.junit.jupiter.api.Test;
import org.metalearn4j.core.config.ConfigMappers;
import org.nd4j.linalg.factory.Nd4j;

class ProvenanceTest {

    @Test
    void recordsTheLibraryVersionsOfThisProcess() {
        Nd4j.create(1);
        Provenance p = Provenance.current(7);
        LibraryVersions v = p.libraries();
        // Tests run from class directories, which carry no Maven version.
        assertThat(v.metalearn4j()).isEqualTo("dev");
        assertThat(v.nd4j()).isEqualTo("1.0.0-M2.1");
        assertThat(v.java()).isEqualTo(System.getProperty("java.version"));
        // The parent POM pins the oneDNN build of nd4j-native for tests.
        assertThat(v.nd4jBackend()).isEqualTo("nd4jcpu " + Loader.getPlatform() + "-onednn-avx2");
        assertThat(p.seed()).isEqualTo(7);
        assertThat(Instant.parse(p.created())).isBetween(Instant.now().minusSeconds(60), Instant.now());
        assertThat(p.gitCommit()).satisfiesAnyOf(c -> assertThat(c).isNull(),
                c -> assertThat(c).matches("[0-9a-f]{40}"));
        assertThat(p.details()).isEmpty();
    }

    @Test
    void detailsAreSortedImmutableAndAdded() {
        Provenance p = Provenance.current(1).with(Map.of("stage", "pretrain", "backbone", "mlp"))
                .with(Map.of("stage", "finetune"));
        assertThat(p.details()).containsExactly(Map.entry("backbone", "mlp"), Map.entry("stage", "finetune"));
        assertThat(p.detail("stage")).isEqualTo("finetune");
        assertThat(p.detail("missing")).isNull();
        assertThatThrownBy(() -> p.details().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
        Map<String, String> withNull = new HashMap<>();
        withNull.put("backbone", null);
        assertThatThrownBy(() -> p.with(withNull)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void roundTripsThroughTheJsonBothFileFormatsStore() throws JsonProcessingException {
        Provenance p = Provenance.current(-3).with(Map.of("stage.config", "{\"lr\":0.1}", "dataset", "blobs/train"));
        String json = ConfigMappers.json().writeValueAsString(p);
        assertThat(json).contains("\"nd4j\":\"1.0.0-M2.1\"").contains("\"seed\":-3");
        assertThat(ConfigMappers.json().readValue(json, Provenance.class)).isEqualTo(p);
    }
}

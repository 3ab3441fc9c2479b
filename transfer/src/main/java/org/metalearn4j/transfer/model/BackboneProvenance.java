package org.metalearn4j.transfer.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.metalearn4j.core.config.ConfigMappers;
import org.metalearn4j.core.nn.BackboneSpec;
import org.metalearn4j.core.spi.ProviderRegistry;

/**
 * The backbone architecture as recorded in the provenance of BACKBONE and MODEL artifacts, so that later stages (and
 * later runs reading the artifact file) rebuild the same network before loading its weights: key {@code backbone},
 * the spec in the form configs write, with every parameter of its provider filled in ({@link BackboneSpec#complete}),
 * e.g. {@code {"type":"conv4","channels":64,"finalRelu":true}}, so that a later change of a provider's defaults does
 * not change the network an old artifact builds.
 */
public final class BackboneProvenance {
    static final String KEY = "backbone";

    private BackboneProvenance() {
    }

    /** Provenance entries describing {@code spec}, whose type is looked up in {@code registry}. */
    public static Map<String, String> of(BackboneSpec spec, ProviderRegistry registry) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put(KEY, spec.complete(registry).toJson().toString());
        return out;
    }

    /** The spec recorded in an artifact's provenance; fails naming the artifact's stage when it has none. */
    public static BackboneSpec read(Map<String, String> provenance) {
        String recorded = provenance.get(KEY);
        String stage = provenance.getOrDefault("stage", "?");
        if (recorded == null) {
            throw new IllegalArgumentException("input artifact from stage '" + stage + "' does not record its backbone"
                    + " architecture ('" + KEY + "')");
        }
        try {
            JsonNode tree = ConfigMappers.json().readTree(recorded);
            return BackboneSpec.fromJson(tree);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new IllegalArgumentException("input artifact from stage '" + stage + "' records an unreadable"
                    + " backbone architecture: " + KEY + "='" + recorded + "' (" + e.getMessage() + ")", e);
        }
    }
}

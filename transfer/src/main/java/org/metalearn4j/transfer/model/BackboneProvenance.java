package org.metalearn4j.transfer.model;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.metalearn4j.core.nn.BackboneSpec;

/**
 * The backbone architecture as recorded in the provenance of BACKBONE and MODEL artifacts, so that later stages (and
 * later runs reading the artifact file) rebuild the same network before loading its weights. Keys:
 * {@code backbone} (the type), {@code backbone.hidden} (mlp widths, comma-separated) and {@code backbone.channels}.
 */
public final class BackboneProvenance {
    static final String TYPE_KEY = "backbone";
    static final String HIDDEN_KEY = "backbone.hidden";
    static final String CHANNELS_KEY = "backbone.channels";

    private BackboneProvenance() {
    }

    /** Provenance entries describing {@code spec}. */
    public static Map<String, String> of(BackboneSpec spec) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put(TYPE_KEY, spec.type());
        out.put(HIDDEN_KEY, spec.hidden().stream().map(String::valueOf).collect(Collectors.joining(",")));
        out.put(CHANNELS_KEY, Integer.toString(spec.channels()));
        return out;
    }

    /** The spec recorded in an artifact's provenance; fails naming the artifact's stage when it has none. */
    public static BackboneSpec read(Map<String, String> provenance) {
        String type = provenance.get(TYPE_KEY);
        String hidden = provenance.get(HIDDEN_KEY);
        String channels = provenance.get(CHANNELS_KEY);
        String stage = provenance.getOrDefault("stage", "?");
        if (type == null || hidden == null || channels == null) {
            throw new IllegalArgumentException("input artifact from stage '" + stage + "' does not record its backbone"
                    + " architecture ('" + TYPE_KEY + "', '" + HIDDEN_KEY + "', '" + CHANNELS_KEY + "')");
        }
        try {
            List<Integer> widths = Arrays.stream(hidden.split(",")).map(String::trim).map(Integer::valueOf).toList();
            return new BackboneSpec(type, widths, Integer.parseInt(channels.trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("input artifact from stage '" + stage + "' records an unreadable"
                    + " backbone architecture: " + HIDDEN_KEY + "='" + hidden + "', " + CHANNELS_KEY + "='" + channels
                    + "'", e);
        }
    }
}

package org.metalearn4j.transfer.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.metalearn4j.core.config.ConfigLoader;
import org.metalearn4j.core.spi.ConfigException;

/**
 * {@code --set KEY=VALUE} for a pipeline document, as {@code metalearn train} takes it for a run config: {@code seed},
 * {@code input}, or {@code stages.STAGE.config.KEY.PATH}, where {@code STAGE} is the stage's index from 0 or its name
 * (when only one stage has it), e.g. {@code stages.pretrain.config.iterations=200}. A path that names nothing in the
 * pipeline is refused naming the override and the paths it could have meant.
 */
public final class PipelineOverrides {
    private static final String PATHS = "expected seed, input, or stages.STAGE.config.KEY (STAGE: an index from 0 or a "
            + "stage name)";

    private PipelineOverrides() {
    }

    /** {@code root} with {@code overrides} applied, in order, to a copy. */
    public static ObjectNode apply(ObjectNode root, List<String> overrides, String source) {
        ObjectNode doc = root.deepCopy();
        for (String override : overrides) {
            applyOne(doc, override, source);
        }
        return doc;
    }

    private static void applyOne(ObjectNode doc, String override, String source) {
        int eq = override.indexOf('=');
        if (eq <= 0) {
            throw new ConfigException("", "--set expects key.path=value, got \"" + override + "\"");
        }
        String key = override.substring(0, eq).trim();
        String[] parts = key.split("\\.", 4);
        if (parts.length == 1 && (key.equals("seed") || key.equals("input"))) {
            ConfigLoader.applyOverride(doc, override);
            return;
        }
        if (parts.length < 3 || !parts[0].equals("stages") || !(parts[2].equals("config") || parts.length == 3
                && parts[2].equals("stage"))) {
            throw new ConfigException(key, "--set " + override + " names nothing in the pipeline; " + PATHS
                    + in(source));
        }
        JsonNode stages = doc.get("stages");
        ObjectNode stage = stage(stages instanceof ArrayNode a ? a : null, parts[1], override, source);
        if (parts.length == 3) {
            ConfigLoader.applyOverride(stage, parts[2] + override.substring(eq));
            return;
        }
        JsonNode config = stage.get("config");
        if (config == null || config.isNull()) {
            config = stage.putObject("config");
        } else if (!config.isObject()) {
            throw new ConfigException(key, "--set " + override + ": the stage's config is " + config
                    + ", not a mapping" + in(source));
        }
        ConfigLoader.applyOverride((ObjectNode) config, parts[3] + override.substring(eq));
    }

    private static ObjectNode stage(ArrayNode stages, String which, String override, String source) {
        List<String> names = new ArrayList<>();
        List<Integer> matches = new ArrayList<>();
        for (int i = 0; stages != null && i < stages.size(); i++) {
            JsonNode name = stages.get(i).path("stage");
            names.add(i + ": " + name.asText());
            if (name.asText().equals(which) || Integer.toString(i).equals(which)) {
                matches.add(i);
            }
        }
        if (matches.size() != 1 || !stages.get(matches.get(0)).isObject()) {
            String why = matches.size() > 1 ? "several stages are named '" + which + "': give the index"
                    : "no stage '" + which + "'";
            throw new ConfigException("stages." + which, "--set " + override + ": " + why + "; the stages are "
                    + names + in(source));
        }
        return (ObjectNode) stages.get(matches.get(0));
    }

    private static String in(String source) {
        return source == null ? "" : " (in " + source + ")";
    }
}

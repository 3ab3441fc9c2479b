package org.metalearn4j.transfer.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.metalearn4j.core.config.ConfigLoader;
import org.metalearn4j.core.config.ConfigMappers;
import org.metalearn4j.core.spi.ConfigException;

/**
 * Reads a {@link PipelineSpec} from YAML (or JSON) with core's strict configuration parsing: duplicate keys, YAML 1.1
 * surprises and non-finite numbers are refused naming the field. Only the pipeline's own keys are checked here;
 * stage configs are checked against their providers by {@link PipelineValidator}. Relative paths stay relative to the
 * working directory.
 */
public final class PipelineSpecReader {
    private static final List<String> TOP_KEYS = List.of("seed", "input", "stages");
    private static final List<String> STAGE_KEYS = List.of("stage", "config");

    private PipelineSpecReader() {
    }

    /** The pipeline in {@code file} ({@code .yaml}, {@code .yml} or {@code .json}). */
    public static PipelineSpec read(Path file) {
        return read(file, List.of());
    }

    /**
     * The pipeline in {@code file} with {@code overrides} ({@link PipelineOverrides}) applied; errors then name the
     * file and the overrides as their source.
     */
    public static PipelineSpec read(Path file, List<String> overrides) {
        String source = overrides.isEmpty() ? file.toString()
                : file + " with --set " + String.join(" --set ", overrides);
        return parse(PipelineOverrides.apply(ConfigLoader.read(file), overrides, file.toString()), source);
    }

    /** A pipeline held in memory, e.g. written by an example program. */
    public static PipelineSpec parse(String yaml) {
        return parse(ConfigMappers.readYaml(yaml, null), null);
    }

    private static PipelineSpec parse(JsonNode root, String source) {
        if (root == null || !root.isObject()) {
            throw new ConfigException("", "expected a mapping with keys " + TOP_KEYS + in(source));
        }
        checkKeys(root, TOP_KEYS, "", source);
        long seed = 0;
        JsonNode seedNode = root.get("seed");
        if (seedNode != null) {
            if (!seedNode.isIntegralNumber() || !seedNode.canConvertToLong()) {
                throw new ConfigException("seed", "expected an integer, got " + seedNode + in(source));
            }
            seed = seedNode.asLong();
        }
        Path input = null;
        JsonNode inputNode = root.get("input");
        if (inputNode != null && !inputNode.isNull()) {
            if (!inputNode.isTextual()) {
                throw new ConfigException("input", "expected the path of a saved artifact, got " + inputNode
                        + in(source));
            }
            input = Path.of(inputNode.asText());
        }
        JsonNode stagesNode = root.get("stages");
        if (stagesNode == null || !stagesNode.isArray() || stagesNode.isEmpty()) {
            throw new ConfigException("stages", "expected a non-empty list of stages, each {stage: NAME, config:"
                    + " {...}}" + in(source));
        }
        List<StageSpec> stages = new ArrayList<>();
        for (int i = 0; i < stagesNode.size(); i++) {
            JsonNode s = stagesNode.get(i);
            String path = "stages[" + i + "]";
            if (!s.isObject()) {
                throw new ConfigException(path, "expected {stage: NAME, config: {...}}, got " + s + in(source));
            }
            checkKeys(s, STAGE_KEYS, path, source);
            JsonNode name = s.get("stage");
            if (name == null || !name.isTextual() || name.asText().isBlank()) {
                throw new ConfigException(path + ".stage", "expected a stage name (metalearn plugins lists them), got "
                        + (name == null ? "nothing" : name) + in(source));
            }
            JsonNode config = s.get("config");
            if (config != null && !config.isNull() && !config.isObject()) {
                throw new ConfigException(path + ".config", "expected a mapping of keys to values, got " + config
                        + in(source));
            }
            stages.add(new StageSpec(name.asText(), config));
        }
        return new PipelineSpec(seed, input, stages, source);
    }

    private static void checkKeys(JsonNode node, List<String> allowed, String path, String source) {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String k = names.next();
            if (!allowed.contains(k)) {
                throw new ConfigException(path.isEmpty() ? k : path + "." + k, "unknown key; allowed keys here: "
                        + allowed + in(source));
            }
        }
    }

    private static String in(String source) {
        return source == null ? "" : " (in " + source + ")";
    }
}

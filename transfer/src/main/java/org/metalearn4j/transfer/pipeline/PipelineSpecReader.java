package org.metalearn4j.transfer.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.metalearn4j.core.spi.ConfigException;

/**
 * Reads a {@link PipelineSpec} from YAML (JSON is YAML too). Only the pipeline's own keys are checked here; stage
 * configs are checked against their providers by {@link PipelineValidator}. Relative paths stay relative to the working
 * directory.
 */
public final class PipelineSpecReader {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final List<String> TOP_KEYS = List.of("seed", "input", "stages");
    private static final List<String> STAGE_KEYS = List.of("stage", "config");

    private PipelineSpecReader() {
    }

    public static PipelineSpec read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException(file.toString(), "pipeline config file does not exist");
        }
        JsonNode root;
        try {
            root = YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new ConfigException(file.toString(), "not valid YAML: " + e.getMessage(), e);
        }
        return parse(root, file.toString());
    }

    public static PipelineSpec parse(String yaml) {
        try {
            return parse(YAML.readTree(yaml), "");
        } catch (IOException e) {
            throw new ConfigException("", "not valid YAML: " + e.getMessage(), e);
        }
    }

    private static PipelineSpec parse(JsonNode root, String file) {
        String at = file.isEmpty() ? "" : file + ": ";
        if (root == null || !root.isObject()) {
            throw new ConfigException(at + "(root)", "expected a map with keys " + TOP_KEYS);
        }
        checkKeys(root, TOP_KEYS, at + "(root)");
        long seed = 0;
        JsonNode seedNode = root.get("seed");
        if (seedNode != null) {
            if (!seedNode.canConvertToLong() || !seedNode.isIntegralNumber()) {
                throw new ConfigException(at + "seed", "expected an integer, got '" + seedNode.asText() + "'");
            }
            seed = seedNode.asLong();
        }
        Path input = null;
        JsonNode inputNode = root.get("input");
        if (inputNode != null && !inputNode.isNull()) {
            if (!inputNode.isTextual()) {
                throw new ConfigException(at + "input", "expected the path of a saved artifact");
            }
            input = Path.of(inputNode.asText());
        }
        JsonNode stagesNode = root.get("stages");
        if (stagesNode == null || !stagesNode.isArray() || stagesNode.isEmpty()) {
            throw new ConfigException(at + "stages",
                    "expected a non-empty list of stages, each {stage: NAME, config: {...}}");
        }
        List<StageSpec> stages = new ArrayList<>();
        for (int i = 0; i < stagesNode.size(); i++) {
            JsonNode s = stagesNode.get(i);
            String path = at + "stages[" + i + "]";
            if (!s.isObject()) {
                throw new ConfigException(path, "expected {stage: NAME, config: {...}}, got " + s.getNodeType());
            }
            checkKeys(s, STAGE_KEYS, path);
            JsonNode name = s.get("stage");
            if (name == null || !name.isTextual() || name.asText().isBlank()) {
                throw new ConfigException(path + ".stage", "missing stage name");
            }
            stages.add(new StageSpec(name.asText(), s.get("config")));
        }
        return new PipelineSpec(seed, input, stages);
    }

    private static void checkKeys(JsonNode node, List<String> allowed, String path) {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String k = names.next();
            if (!allowed.contains(k)) {
                throw new ConfigException(path, "unknown key '" + k + "'; allowed: " + allowed);
            }
        }
    }
}

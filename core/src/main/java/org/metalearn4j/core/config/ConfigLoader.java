package org.metalearn4j.core.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.metalearn4j.core.spi.ConfigException;

/**
 * Reads a run configuration from YAML ({@code .yaml}, {@code .yml}) or JSON ({@code .json}), applies
 * {@code key.path=value} overrides, fills in {@link RunConfig#defaults()} and validates, all before anything is
 * trained.
 */
public final class ConfigLoader {
    private ConfigLoader() {
    }

    /** Loads {@code file} with {@code overrides} such as {@code train.iterations=200}. */
    public static RunConfig load(Path file, List<String> overrides) {
        return bind(read(file), overrides, file.toString());
    }

    /** Parses a configuration document; the format follows the file extension. */
    public static ObjectNode read(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        ObjectMapper mapper;
        if (name.endsWith(".yaml") || name.endsWith(".yml")) {
            mapper = ConfigMappers.yaml();
        } else if (name.endsWith(".json")) {
            mapper = ConfigMappers.json();
        } else {
            throw new ConfigException("", "cannot tell the format of " + file
                    + ": expected a .yaml, .yml or .json extension");
        }
        try {
            return parse(mapper.readTree(Files.readString(file)), file.toString());
        } catch (NoSuchFileException e) {
            throw new ConfigException("", "config file not found: " + file, e);
        } catch (JsonProcessingException e) {
            throw new ConfigException("", "cannot parse " + file + ": " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr()), e);
        } catch (IOException e) {
            throw new ConfigException("", "cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Parses a configuration held in memory, e.g. the copy stored in a checkpoint. */
    public static RunConfig fromJson(String json, String source) {
        try {
            return bind(parse(ConfigMappers.json().readTree(json), source), List.of(), source);
        } catch (JsonProcessingException e) {
            throw new ConfigException("", "cannot parse the configuration in " + source + ": "
                    + e.getOriginalMessage(), e);
        }
    }

    /** Applies overrides to {@code tree} and binds it over the defaults. */
    public static RunConfig bind(ObjectNode tree, List<String> overrides, String source) {
        ObjectNode doc = tree.deepCopy();
        for (String override : overrides) {
            applyOverride(doc, override);
        }
        return ConfigBinder.bind(doc, RunConfig.defaults(), RunConfig.class, "", source);
    }

    /** The configuration as compact JSON, as stored in checkpoints and run directories. */
    public static String toJson(RunConfig config) {
        return ConfigBinder.toTree(config).toString();
    }

    /** Applies one {@code a.b.c=value} override; the value is read as a YAML scalar or flow value. */
    static void applyOverride(ObjectNode doc, String override) {
        int eq = override.indexOf('=');
        if (eq <= 0) {
            throw new ConfigException("", "--set expects key.path=value, got \"" + override + "\"");
        }
        String path = override.substring(0, eq).trim();
        String raw = override.substring(eq + 1);
        JsonTrees.set(doc, path, parseValue(raw));
    }

    private static JsonNode parseValue(String raw) {
        if (raw.isEmpty()) {
            return TextNode.valueOf("");
        }
        try {
            JsonNode v = ConfigMappers.yaml().readTree(raw);
            return v == null || v.isMissingNode() ? TextNode.valueOf(raw) : v;
        } catch (JsonProcessingException e) {
            return TextNode.valueOf(raw);
        }
    }

    private static ObjectNode parse(JsonNode node, String source) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return ConfigMappers.json().createObjectNode();
        }
        if (!node.isObject()) {
            throw new ConfigException("", "expected a mapping of keys to values at the top of " + source + ", got "
                    + node.getNodeType().name().toLowerCase(Locale.ROOT));
        }
        return (ObjectNode) node;
    }
}

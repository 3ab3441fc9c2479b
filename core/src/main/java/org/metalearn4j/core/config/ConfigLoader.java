package org.metalearn4j.core.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
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

    /** Parses a configuration document strictly (see {@link ConfigMappers}); the format follows the extension. */
    public static ObjectNode read(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean yaml = name.endsWith(".yaml") || name.endsWith(".yml");
        if (!yaml && !name.endsWith(".json")) {
            throw new ConfigException("", "cannot tell the format of " + file
                    + ": expected a .yaml, .yml or .json extension");
        }
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException("", "config file not found: " + file, e);
        } catch (CharacterCodingException e) {
            throw new ConfigException("", file + " is not UTF-8 text; a configuration is a YAML or JSON text file", e);
        } catch (IOException e) {
            throw new ConfigException("", "cannot read " + file + ": " + e.getMessage(), e);
        }
        String source = file.toString();
        return parse(yaml ? ConfigMappers.readYaml(text, source) : ConfigMappers.readJson(text, source), source);
    }

    /** Parses a configuration held in memory, e.g. the copy stored in a checkpoint. */
    public static RunConfig fromJson(String json, String source) {
        return bind(parse(ConfigMappers.readJson(json, source), source), List.of(), source);
    }

    /** Applies overrides to {@code tree} and binds it over the defaults. */
    public static RunConfig bind(ObjectNode tree, List<String> overrides, String source) {
        ObjectNode doc = tree.deepCopy();
        for (String override : overrides) {
            applyOverride(doc, override);
        }
        try {
            return ConfigBinder.bind(doc, RunConfig.defaults(), RunConfig.class, "", source);
        } catch (ConfigException e) {
            throw attribute(e, overrides, source);
        }
    }

    /**
     * {@code e}, or, when it is about a key one of {@code overrides} set (the last such), the same error naming the
     * override instead of the file, which never held that value. For errors found after loading, e.g. while the
     * providers' params are bound.
     */
    public static ConfigException attribute(ConfigException e, List<String> overrides, String source) {
        for (int i = overrides.size() - 1; i >= 0; i--) {
            String override = overrides.get(i);
            String key = override.substring(0, override.indexOf('=')).trim();
            String at = e.path();
            String from = " (from --set " + override + ")";
            if (e.detail().endsWith(from)) {
                return e;
            }
            if (at.equals(key) || at.startsWith(key + ".") || at.startsWith(key + "[")) {
                String detail = e.detail();
                String in = ConfigBinder.in(source);
                if (!in.isEmpty() && detail.endsWith(in)) {
                    detail = detail.substring(0, detail.length() - in.length());
                }
                return new ConfigException(at, detail + from, e);
            }
        }
        return e;
    }

    /** {@code source}, or null when one of {@code overrides} set {@code key}: the file never held that value. */
    public static String sourceOf(String key, List<String> overrides, String source) {
        return overrides.stream().anyMatch(o -> o.indexOf('=') > 0 && o.substring(0, o.indexOf('=')).trim().equals(key))
                ? null : source;
    }

    /** The configuration as compact JSON, as stored in checkpoints and run directories. */
    public static String toJson(RunConfig config) {
        return ConfigBinder.toTree(config).toString();
    }

    /**
     * Applies one {@code a.b.c=value} override to {@code doc}, creating mappings on the way; the value is read as a
     * YAML scalar or flow value. Public for documents other than a run configuration, e.g. a pipeline stage's config.
     */
    public static void applyOverride(ObjectNode doc, String override) {
        int eq = override.indexOf('=');
        if (eq <= 0) {
            throw new ConfigException("", "--set expects key.path=value, got \"" + override + "\"");
        }
        String path = override.substring(0, eq).trim();
        String raw = override.substring(eq + 1);
        JsonTrees.set(doc, path, parseValue(path, raw, override));
    }

    /** The value as YAML reads it, refusing what {@link ConfigMappers#readYaml} refuses; text when it is no YAML. */
    private static JsonNode parseValue(String path, String raw, String override) {
        if (raw.isEmpty()) {
            return TextNode.valueOf("");
        }
        try {
            JsonNode v = StrictTreeReader.read(ConfigMappers.yaml(), raw, path, "--set " + override);
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

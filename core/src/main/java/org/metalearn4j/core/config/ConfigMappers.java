package org.metalearn4j.core.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.metalearn4j.core.spi.ConfigException;

/**
 * The Jackson mappers of the whole program. Configuration goes through the strict ones: unknown keys, nulls for
 * numbers, fractional values for integers, numbers for enum names or booleans are errors, because silently dropping or
 * truncating a user's setting is worse than refusing it. Configuration text is parsed with {@link #readYaml} or
 * {@link #readJson}, which also refuse duplicate keys, YAML 1.1 surprises ({@code 010} read as octal 8, {@code yes}
 * as true) and non-finite numbers, naming the field. Machine output (metrics lines, summaries) uses {@link #plain()}.
 */
public final class ConfigMappers {
    private static final ObjectMapper JSON = strict(JsonMapper.builder().build());
    private static final ObjectMapper YAML = strict(new YAMLMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .build()));
    private static final ObjectMapper PLAIN = JsonMapper.builder().build();

    private ConfigMappers() {
    }

    /** The strict mapper for binding configuration trees and for configuration JSON. */
    public static ObjectMapper json() {
        return JSON;
    }

    /** The strict mapper for configuration YAML; it also renders {@code metalearn config} output. */
    public static ObjectMapper yaml() {
        return YAML;
    }

    /**
     * A default Jackson mapper for JSON the program writes for machines (metrics lines, summaries, checkpoint
     * metadata) and reads back; never for user configuration.
     */
    public static ObjectMapper plain() {
        return PLAIN;
    }

    /**
     * Parses configuration YAML strictly (see the class comment).
     *
     * @param source where the text came from (a file name) for messages, or null
     * @throws ConfigException naming the field and line of a refused value, or the position of a syntax error
     */
    public static JsonNode readYaml(String text, String source) {
        return read(YAML, text, source);
    }

    /** Parses configuration JSON strictly, as {@link #readYaml} does YAML. */
    public static JsonNode readJson(String text, String source) {
        return read(JSON, text, source);
    }

    private static JsonNode read(ObjectMapper mapper, String text, String source) {
        try {
            return StrictTreeReader.read(mapper, text, "", source);
        } catch (JsonProcessingException e) {
            throw new ConfigException("", "cannot parse " + (source == null ? "the configuration" : source) + ": "
                    + e.getOriginalMessage() + (e.getLocation() == null ? "" : " at line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr()), e);
        }
    }

    private static ObjectMapper strict(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        return mapper;
    }
}

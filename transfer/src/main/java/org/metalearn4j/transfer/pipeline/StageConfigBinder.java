package org.metalearn4j.transfer.pipeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import java.util.stream.Collectors;
import org.metalearn4j.core.spi.ConfigException;
import org.metalearn4j.core.spi.Provider;

/**
 * Binds a stage's user config onto its provider's config record: keys the user leaves out keep the value from
 * {@link Provider#defaults()}, unknown keys and wrong types fail naming the field.
 *
 * <p>The framework's general config binder in core should replace this once it exists; this one only covers what a
 * pipeline stage needs.
 */
public final class StageConfigBinder {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);

    private StageConfigBinder() {
    }

    /**
     * The provider's defaults overridden by {@code overrides}.
     *
     * @param path where the config sits in the pipeline file, e.g. {@code stages[1] (finetune).config}, for messages
     */
    public static <C extends Record> C bind(Provider<C> provider, JsonNode overrides, String path) {
        if (!overrides.isObject()) {
            throw new ConfigException(path, "expected a map of settings, got " + overrides.getNodeType());
        }
        ObjectNode merged = MAPPER.valueToTree(provider.defaults());
        merge(merged, (ObjectNode) overrides);
        try {
            return MAPPER.treeToValue(merged, provider.configType());
        } catch (UnrecognizedPropertyException e) {
            throw new ConfigException(path + fieldPath(e), "unknown key '" + e.getPropertyName() + "'; known keys: "
                    + e.getKnownPropertyIds());
        } catch (JsonMappingException e) {
            Throwable root = rootCause(e);
            String why = root == e ? e.getOriginalMessage() : root.getMessage();
            throw new ConfigException(path + fieldPath(e), why, e);
        } catch (JsonProcessingException e) {
            throw new ConfigException(path, e.getOriginalMessage(), e);
        }
    }

    /** The bound config as JSON, recorded in provenance so a run can be reproduced from its artifacts. */
    public static String toJson(Record config) {
        try {
            return MAPPER.writeValueAsString(config);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise config " + config, e);
        }
    }

    /** Nested maps merge key by key so a user can override one field of a nested setting. */
    private static void merge(ObjectNode target, ObjectNode overrides) {
        Iterator<Map.Entry<String, JsonNode>> it = overrides.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode existing = target.get(e.getKey());
            if (existing instanceof ObjectNode obj && e.getValue() instanceof ObjectNode sub && obj.size() > 0) {
                merge(obj, sub);
            } else {
                target.set(e.getKey(), e.getValue().deepCopy());
            }
        }
    }

    private static String fieldPath(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining());
    }

    private static Throwable rootCause(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        return c;
    }
}

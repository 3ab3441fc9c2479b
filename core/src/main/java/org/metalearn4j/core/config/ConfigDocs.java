package org.metalearn4j.core.config;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.RecordComponent;
import java.util.Map;

/**
 * Renders a configuration record as YAML with each key's {@link JsonPropertyDescription} as a trailing comment: the
 * output of {@code metalearn config --defaults}, generated from the code so the documented defaults cannot drift.
 * Provider configuration records may annotate their components the same way.
 */
public final class ConfigDocs {
    private ConfigDocs() {
    }

    /** The record as commented YAML. */
    public static String yaml(Record record) {
        StringBuilder out = new StringBuilder();
        render(out, ConfigMappers.json().valueToTree(record), record.getClass(), 0);
        return out.toString();
    }

    private static void render(StringBuilder out, JsonNode node, Class<?> type, int indent) {
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            RecordComponent component = component(type, e.getKey());
            String comment = comment(component);
            out.append(" ".repeat(indent)).append(e.getKey()).append(':');
            JsonNode value = e.getValue();
            if (value.isObject() && !value.isEmpty()) {
                out.append(comment).append('\n');
                render(out, value, component == null ? Object.class : component.getType(), indent + 2);
            } else {
                out.append(' ').append(scalar(value)).append(comment).append('\n');
            }
        }
    }

    private static RecordComponent component(Class<?> type, String name) {
        if (!type.isRecord()) {
            return null;
        }
        for (RecordComponent c : type.getRecordComponents()) {
            if (c.getName().equals(name)) {
                return c;
            }
        }
        return null;
    }

    private static String comment(RecordComponent component) {
        JsonPropertyDescription d = component == null ? null
                : component.getAccessor().getAnnotation(JsonPropertyDescription.class);
        if (d == null && component != null) {
            // An explicitly written accessor does not inherit the component's annotation; the field always does.
            try {
                d = component.getDeclaringRecord().getDeclaredField(component.getName())
                        .getAnnotation(JsonPropertyDescription.class);
            } catch (NoSuchFieldException e) {
                throw new IllegalStateException("record component without a field: " + component, e);
            }
        }
        return d == null ? "" : "  # " + d.value();
    }

    /** One-line YAML for a scalar, an empty mapping or a list (JSON flow style is valid YAML). */
    private static String scalar(JsonNode value) {
        if (value.isContainerNode()) {
            return value.toString();
        }
        try {
            return ConfigMappers.yaml().writeValueAsString(value).trim();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render " + value, e);
        }
    }
}

package org.metalearn4j.core.config;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Map;

/**
 * Renders a configuration record as YAML with each key's {@link JsonPropertyDescription} as a trailing comment: the
 * output of {@code metalearn config --defaults}, generated from the code so the documented defaults cannot drift.
 * Enum-valued keys also list the values they accept; lists of records are written one commented item at a time.
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

    /** The description of a record component, or null when it has none. */
    public static String description(RecordComponent component) {
        JsonPropertyDescription d = component.getAccessor().getAnnotation(JsonPropertyDescription.class);
        if (d == null) {
            // An explicitly written accessor does not inherit the component's annotation; the field always does.
            try {
                d = component.getDeclaringRecord().getDeclaredField(component.getName())
                        .getAnnotation(JsonPropertyDescription.class);
            } catch (NoSuchFieldException e) {
                throw new IllegalStateException("record component without a field: " + component, e);
            }
        }
        return d == null ? null : d.value();
    }

    private static void render(StringBuilder out, JsonNode node, Class<?> type, int indent) {
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            RecordComponent component = component(type, e.getKey());
            String comment = comment(component);
            out.append(" ".repeat(indent)).append(e.getKey()).append(':');
            JsonNode value = e.getValue();
            Class<?> items = component == null ? null : recordItems(component.getGenericType());
            if (value.isObject() && !value.isEmpty()) {
                out.append(comment).append('\n');
                render(out, value, component == null ? Object.class : component.getType(), indent + 2);
            } else if (value.isArray() && !value.isEmpty() && items != null) {
                out.append(comment).append('\n');
                for (JsonNode item : value) {
                    StringBuilder block = new StringBuilder();
                    render(block, item, items, indent + 4);
                    out.append(" ".repeat(indent + 2)).append("- ").append(block.substring(indent + 4));
                }
            } else {
                out.append(' ').append(scalar(value)).append(comment).append('\n');
            }
        }
    }

    /** The record type of a {@code List<SomeRecord>} component, else null. */
    private static Class<?> recordItems(Type type) {
        if (type instanceof ParameterizedType p && p.getActualTypeArguments().length == 1
                && p.getActualTypeArguments()[0] instanceof Class<?> c && c.isRecord()) {
            return c;
        }
        return null;
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
        if (component == null) {
            return "";
        }
        String d = description(component);
        String values = component.getType().isEnum() ? "one of " + String.join(", ", EnumNames.of(
                component.getType())) : null;
        if (d == null) {
            return values == null ? "" : "  # " + values;
        }
        return "  # " + d + (values == null ? "" : " (" + values + ")");
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

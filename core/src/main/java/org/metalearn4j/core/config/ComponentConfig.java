package org.metalearn4j.core.config;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A provider chosen by name plus its parameters, e.g. {@code learner: {name: protonet, params: {embedding: 64}}}.
 * The parameters stay an untyped tree here because only the named provider knows its configuration record; they are
 * bound with {@link ConfigBinder#bindParams} once the provider is found.
 */
public record ComponentConfig(
        @JsonPropertyDescription("provider name, as listed by metalearn plugins") String name,
        @JsonPropertyDescription("the provider's params; missing keys take its defaults (metalearn config --defaults"
                + " NAME)") JsonNode params) {
    public ComponentConfig {
        Checks.notBlank("name", name);
        if (params == null || params.isNull()) {
            params = JsonNodeFactory.instance.objectNode();
        } else if (!params.isObject()) {
            throw new IllegalArgumentException("params: expected a mapping of keys to values, got " + params);
        } else {
            params = params.deepCopy();
        }
    }

    /** A copy: the record stays immutable although Jackson trees are not. */
    @Override
    public JsonNode params() {
        return params.deepCopy();
    }

    /** A component with no parameters (all defaults). */
    public static ComponentConfig named(String name) {
        return new ComponentConfig(name, new ObjectNode(JsonNodeFactory.instance));
    }
}

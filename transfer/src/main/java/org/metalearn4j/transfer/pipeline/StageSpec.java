package org.metalearn4j.transfer.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.Objects;

/**
 * One entry of a pipeline config as written by the user, before validation.
 *
 * @param stage  the stage provider's name, e.g. {@code finetune}
 * @param config the stage's settings; keys left out take the provider's {@code defaults()}
 */
public record StageSpec(String stage, JsonNode config) {
    public StageSpec {
        Objects.requireNonNull(stage, "stage");
        config = config == null || config.isNull() ? JsonNodeFactory.instance.objectNode() : config.deepCopy();
    }

    @Override
    public JsonNode config() {
        return config.deepCopy();
    }
}

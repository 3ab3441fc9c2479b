package org.metalearn4j.transfer.metatrain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.Map;
import org.metalearn4j.transfer.pipeline.ProviderReferences;

/**
 * Settings of the {@code meta-train} stage.
 *
 * @param learner     learner name in the registry, e.g. {@code protonet} or {@code maml}
 * @param params      the learner's own config keys (its provider's defaults fill the rest)
 * @param dataset     episodic data set
 * @param split       its split, e.g. {@code meta-train}
 * @param way         classes per episode
 * @param shot        support examples per class
 * @param query       query examples per class
 * @param metaBatch   episodes per meta-training step
 * @param iterations  meta-training steps
 */
public record MetaTrainConfig(String learner, JsonNode params, String dataset, String split, int way, int shot,
                              int query, int metaBatch, int iterations) implements ProviderReferences {
    public MetaTrainConfig {
        params = params == null || params.isNull() ? JsonNodeFactory.instance.objectNode() : params.deepCopy();
        if (way < 2 || shot < 1 || query < 1 || metaBatch < 1 || iterations < 1) {
            throw new IllegalArgumentException("need way >= 2 and shot, query, metaBatch, iterations >= 1, got way="
                    + way + " shot=" + shot + " query=" + query + " metaBatch=" + metaBatch + " iterations="
                    + iterations);
        }
    }

    @Override
    public JsonNode params() {
        return params.deepCopy();
    }

    @Override
    public Map<String, String> datasets() {
        return Map.of("dataset", dataset);
    }

    @Override
    public Map<String, String> learners() {
        return Map.of("learner", learner);
    }
}

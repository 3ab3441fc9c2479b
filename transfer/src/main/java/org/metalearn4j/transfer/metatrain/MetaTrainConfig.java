package org.metalearn4j.transfer.metatrain;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;
import java.util.Map;
import org.metalearn4j.core.config.Checks;
import org.metalearn4j.transfer.pipeline.ProviderReferences;

/** Settings of the {@code meta-train} stage; {@code metalearn config --defaults meta-train} prints them. */
public record MetaTrainConfig(
        @JsonPropertyDescription("learner name, as listed by metalearn plugins, e.g. protonet or maml") String learner,
        @JsonPropertyDescription("the learner's params; missing keys take its defaults (metalearn config --defaults"
                + " NAME)") JsonNode params,
        @JsonPropertyDescription("episodic data set") String dataset,
        @JsonPropertyDescription("its split, e.g. meta-train") String split,
        @JsonPropertyDescription("classes per episode (1 for regression data sets)") int way,
        @JsonPropertyDescription("support examples per class") int shot,
        @JsonPropertyDescription("query examples per class") int query,
        @JsonPropertyDescription("episodes per meta-training step") int metaBatch,
        @JsonPropertyDescription("meta-training steps") int iterations) implements ProviderReferences {
    public MetaTrainConfig {
        Checks.notBlank("learner", learner);
        if (params == null || params.isNull()) {
            params = JsonNodeFactory.instance.objectNode();
        } else if (!params.isObject()) {
            throw new IllegalArgumentException("params: expected a mapping of keys to values, got " + params);
        } else {
            params = params.deepCopy();
        }
        Checks.notBlank("dataset", dataset);
        Checks.notBlank("split", split);
        Checks.atLeast("way", way, 1);
        Checks.atLeast("shot", shot, 1);
        Checks.atLeast("query", query, 1);
        Checks.atLeast("metaBatch", metaBatch, 1);
        Checks.atLeast("iterations", iterations, 1);
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

    @Override
    public List<LearnerParams> learnerParams() {
        return List.of(new LearnerParams("learner", "params", params));
    }
}

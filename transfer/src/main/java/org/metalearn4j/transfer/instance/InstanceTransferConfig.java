package org.metalearn4j.transfer.instance;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;
import java.util.Map;
import org.metalearn4j.core.config.Checks;
import org.metalearn4j.core.nn.BackboneSpec;
import org.metalearn4j.transfer.pipeline.ProviderReferences;

/**
 * Settings of the {@code instance-transfer} stage; {@code metalearn config --defaults instance-transfer} prints
 * them.
 */
public record InstanceTransferConfig(
        @JsonPropertyDescription("data set holding both domains") String dataset,
        @JsonPropertyDescription("labelled source split the classifier trains on") String sourceSplit,
        @JsonPropertyDescription("target split; only its inputs are used (to fit the domain classifier)")
        String targetSplit,
        @JsonPropertyDescription("labelled target split with the source's classes to report accuracy on, or null")
        String testSplit,
        @JsonPropertyDescription("class indices used in the source and test splits; empty for all")
        List<Integer> classes,
        @JsonPropertyDescription("cap on examples per class (0 = all)") int maxPerClass,
        @JsonPropertyDescription("pixel pooling of the domain classifier's features when the input is NONE")
        int pool,
        @JsonPropertyDescription("weight penalty of the domain classifier") double l2,
        @JsonPropertyDescription("clip of the density ratio before normalisation") double maxWeight,
        @JsonPropertyDescription("classifier architecture when the input is NONE") BackboneSpec backbone,
        @JsonPropertyDescription("Adam steps") int iterations,
        @JsonPropertyDescription("examples per step") int batchSize,
        @JsonPropertyDescription("Adam learning rate") double lr) implements ProviderReferences {
    public InstanceTransferConfig {
        Checks.notBlank("dataset", dataset);
        Checks.notBlank("sourceSplit", sourceSplit);
        Checks.notBlank("targetSplit", targetSplit);
        classes = classes == null ? List.of() : List.copyOf(classes);
        Checks.atLeast("maxPerClass", maxPerClass, 0);
        Checks.atLeast("pool", pool, 1);
        Checks.positive("l2", l2);
        Checks.positive("maxWeight", maxWeight);
        Checks.present("backbone", backbone);
        Checks.atLeast("iterations", iterations, 1);
        Checks.atLeast("batchSize", batchSize, 1);
        Checks.positive("lr", lr);
    }

    @Override
    public Map<String, String> datasets() {
        return Map.of("dataset", dataset);
    }
}

package org.metalearn4j.transfer.distill;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;
import java.util.Map;
import org.metalearn4j.core.config.Checks;
import org.metalearn4j.core.nn.BackboneSpec;
import org.metalearn4j.transfer.pipeline.ProviderReferences;

/** Settings of the {@code distill} stage; {@code metalearn config --defaults distill} prints them. */
public record DistillConfig(
        @JsonPropertyDescription("target data set") String dataset,
        @JsonPropertyDescription("labelled split the student trains on (the teacher's classes)") String split,
        @JsonPropertyDescription("labelled split for the student's and teacher's accuracy, or null") String testSplit,
        @JsonPropertyDescription("class indices, as the teacher was trained with; empty for all")
        List<Integer> classes,
        @JsonPropertyDescription("cap on examples per class (0 = all)") int maxPerClass,
        @JsonPropertyDescription("softmax temperature T of the soft targets") double temperature,
        @JsonPropertyDescription("weight of the hard-label cross-entropy") double alpha,
        @JsonPropertyDescription("student architecture") BackboneSpec backbone,
        @JsonPropertyDescription("Adam steps") int iterations,
        @JsonPropertyDescription("examples per step") int batchSize,
        @JsonPropertyDescription("Adam learning rate") double lr) implements ProviderReferences {
    public DistillConfig {
        Checks.notBlank("dataset", dataset);
        Checks.notBlank("split", split);
        classes = classes == null ? List.of() : List.copyOf(classes);
        Checks.atLeast("maxPerClass", maxPerClass, 0);
        Checks.positive("temperature", temperature);
        Checks.nonNegative("alpha", alpha);
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

package org.metalearn4j.transfer.finetune;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;
import java.util.Map;
import org.metalearn4j.core.config.Checks;
import org.metalearn4j.core.nn.BackboneSpec;
import org.metalearn4j.core.optim.OptimizerSpec;
import org.metalearn4j.transfer.pipeline.ProviderReferences;

/** Settings of the {@code finetune} stage; {@code metalearn config --defaults finetune} prints them. */
public record FinetuneConfig(
        @JsonPropertyDescription("target data set") String dataset,
        @JsonPropertyDescription("labelled split to train on") String split,
        @JsonPropertyDescription("labelled split to report accuracy on (same classes), or null") String testSplit,
        @JsonPropertyDescription("class indices to use; empty for all") List<Integer> classes,
        @JsonPropertyDescription("cap on training examples per class (0 = all)") int maxPerClass,
        @JsonPropertyDescription("full: train everything; last-k: the last k backbone blocks and the head;"
                + " linear-probe: the head only") FinetuneMode mode,
        @JsonPropertyDescription("backbone blocks trained in last-k mode") int k,
        @JsonPropertyDescription("parameter-name prefix to learning rate, e.g. {\"backbone.3.\": 0.0001}; the longest"
                + " matching prefix wins") Map<String, Double> learningRates,
        @JsonPropertyDescription("learning rate of all other trainable parameters") double lr,
        @JsonPropertyDescription("L2-SP lambda toward the incoming backbone (0 = off)") double l2sp,
        @JsonPropertyDescription("replace the incoming MODEL's head by a fresh one for these classes (always for a"
                + " BACKBONE)") boolean newHead,
        @JsonPropertyDescription("optimizer steps") int iterations,
        @JsonPropertyDescription("examples per step") int batchSize,
        @JsonPropertyDescription("architecture when starting from nothing") BackboneSpec backbone,
        @JsonPropertyDescription("the optimizer, {type: adam} by default; sgd, rmsprop, or learned-lstm with the path"
                + " of a trained learned optimizer (frozen parameters stay frozen, learningRates scale its steps"
                + " relative to lr)") OptimizerSpec optimizer)
        implements ProviderReferences {
    public FinetuneConfig {
        Checks.notBlank("dataset", dataset);
        Checks.notBlank("split", split);
        classes = classes == null ? List.of() : List.copyOf(classes);
        Checks.atLeast("maxPerClass", maxPerClass, 0);
        learningRates = learningRates == null ? Map.of() : Map.copyOf(learningRates);
        plan(mode, k, learningRates, lr, l2sp);
        Checks.atLeast("iterations", iterations, 1);
        Checks.atLeast("batchSize", batchSize, 1);
        Checks.present("backbone", backbone);
        Checks.present("optimizer", optimizer);
    }

    public FinetunePlan plan() {
        return plan(mode, k, learningRates, lr, l2sp);
    }

    private static FinetunePlan plan(FinetuneMode mode, int k, Map<String, Double> rates, double lr, double l2sp) {
        return new FinetunePlan(mode, k, rates, lr, l2sp);
    }

    @Override
    public Map<String, String> datasets() {
        return Map.of("dataset", dataset);
    }
}

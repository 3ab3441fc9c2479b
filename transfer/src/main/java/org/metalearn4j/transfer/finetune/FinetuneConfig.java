package org.metalearn4j.transfer.finetune;

import java.util.List;
import java.util.Map;
import org.metalearn4j.core.nn.BackboneSpec;
import org.metalearn4j.transfer.pipeline.ProviderReferences;

/**
 * Settings of the {@code finetune} stage.
 *
 * @param dataset       target data set
 * @param split         labelled split to train on
 * @param testSplit     labelled split to report accuracy on (same classes), or {@code null}
 * @param classes       class indices to use; empty for all
 * @param maxPerClass   cap on training examples per class (0 = all)
 * @param mode          {@code full}, {@code last-k} or {@code linear-probe} (see {@link FinetunePlan})
 * @param k             backbone blocks trained in {@code last-k} mode
 * @param learningRates parameter-name prefix to learning rate
 * @param lr            learning rate of all other trainable parameters
 * @param l2sp          L2-SP lambda toward the incoming backbone (0 = off)
 * @param newHead       replace the incoming MODEL's head by a fresh one for these classes (always for BACKBONE)
 * @param iterations    Adam steps
 * @param batchSize     examples per step
 * @param backbone      architecture when starting from nothing (type auto/conv4/mlp, mlp widths, conv4 channels)
 */
public record FinetuneConfig(String dataset, String split, String testSplit, List<Integer> classes, int maxPerClass,
                             String mode, int k, Map<String, Double> learningRates, double lr, double l2sp,
                             boolean newHead, int iterations, int batchSize, BackboneSpec backbone)
        implements ProviderReferences {
    public FinetuneConfig {
        classes = classes == null ? List.of() : List.copyOf(classes);
        learningRates = learningRates == null ? Map.of() : Map.copyOf(learningRates);
        plan(mode, k, learningRates, lr, l2sp);
        if (iterations < 1 || batchSize < 1) {
            throw new IllegalArgumentException("iterations and batchSize must be >= 1, got " + iterations + ", "
                    + batchSize);
        }
    }

    public FinetunePlan plan() {
        return plan(mode, k, learningRates, lr, l2sp);
    }

    private static FinetunePlan plan(String mode, int k, Map<String, Double> rates, double lr, double l2sp) {
        return new FinetunePlan(mode, k, rates, lr, l2sp);
    }

    @Override
    public Map<String, String> datasets() {
        return Map.of("dataset", dataset);
    }
}

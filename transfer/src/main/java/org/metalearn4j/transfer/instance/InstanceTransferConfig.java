package org.metalearn4j.transfer.instance;

import java.util.List;
import java.util.Map;
import org.metalearn4j.core.nn.BackboneSpec;
import org.metalearn4j.transfer.pipeline.ProviderReferences;

/**
 * Settings of the {@code instance-transfer} stage.
 *
 * @param dataset       data set holding both domains
 * @param sourceSplit   labelled source split the classifier trains on
 * @param targetSplit   target split; only its inputs are used (to fit the domain classifier)
 * @param testSplit     labelled target split with the source's classes to report accuracy on, or {@code null}
 * @param classes       class indices used in the source and test splits; empty for all
 * @param maxPerClass   cap per class (0 = all)
 * @param pool          pixel pooling of the domain classifier's features when the input is NONE
 * @param l2            weight penalty of the domain classifier
 * @param maxWeight     clip of the density ratio before normalisation
 * @param backbone      classifier architecture when the input is NONE
 * @param iterations    Adam steps
 * @param batchSize     examples per step
 * @param lr            Adam learning rate
 */
public record InstanceTransferConfig(String dataset, String sourceSplit, String targetSplit, String testSplit,
                                     List<Integer> classes, int maxPerClass, int pool, double l2, double maxWeight,
                                     BackboneSpec backbone, int iterations, int batchSize, double lr)
        implements ProviderReferences {
    public InstanceTransferConfig {
        classes = classes == null ? List.of() : List.copyOf(classes);
        if (pool < 1 || !(l2 > 0) || !(maxWeight > 0) || iterations < 1 || batchSize < 1 || !(lr > 0)) {
            throw new IllegalArgumentException("need pool, iterations, batchSize >= 1 and l2, maxWeight, lr > 0");
        }
    }

    @Override
    public Map<String, String> datasets() {
        return Map.of("dataset", dataset);
    }
}

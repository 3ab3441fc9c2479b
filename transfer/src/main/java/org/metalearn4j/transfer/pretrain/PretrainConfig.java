package org.metalearn4j.transfer.pretrain;

import java.util.List;
import java.util.Map;
import org.metalearn4j.core.nn.BackboneSpec;
import org.metalearn4j.transfer.pipeline.ProviderReferences;

/**
 * Settings of the {@code pretrain} stage.
 *
 * @param dataset     source data set
 * @param split       its labelled split, e.g. {@code meta-train}
 * @param classes     class indices to train on; empty for all
 * @param maxPerClass cap on examples per class (0 = all)
 * @param backbone    the network to pretrain (type auto/conv4/mlp, mlp widths, conv4 channels)
 * @param iterations  Adam steps
 * @param batchSize   examples per step
 * @param lr          Adam learning rate
 */
public record PretrainConfig(String dataset, String split, List<Integer> classes, int maxPerClass,
                             BackboneSpec backbone, int iterations, int batchSize, double lr)
        implements ProviderReferences {
    public PretrainConfig {
        classes = classes == null ? List.of() : List.copyOf(classes);
        if (iterations < 1 || batchSize < 1 || !(lr > 0)) {
            throw new IllegalArgumentException("iterations and batchSize must be >= 1 and lr > 0, got " + iterations
                    + ", " + batchSize + ", " + lr);
        }
    }

    @Override
    public Map<String, String> datasets() {
        return Map.of("dataset", dataset);
    }
}

package org.metalearn4j.transfer.distill;

import java.util.List;
import java.util.Map;
import org.metalearn4j.core.nn.BackboneSpec;
import org.metalearn4j.transfer.pipeline.ProviderReferences;

/**
 * Settings of the {@code distill} stage.
 *
 * @param dataset     target data set
 * @param split       labelled split the student trains on (same classes as the teacher)
 * @param testSplit   labelled split for the student's and teacher's accuracy, or {@code null}
 * @param classes     class indices, as the teacher was trained with; empty for all
 * @param maxPerClass cap per class (0 = all)
 * @param temperature softmax temperature {@code T}
 * @param alpha       weight of the hard-label cross-entropy
 * @param backbone    student architecture (type auto/conv4/mlp, mlp widths, conv4 channels)
 * @param iterations  Adam steps
 * @param batchSize   examples per step
 * @param lr          Adam learning rate
 */
public record DistillConfig(String dataset, String split, String testSplit, List<Integer> classes, int maxPerClass,
                            double temperature, double alpha, BackboneSpec backbone, int iterations,
                            int batchSize, double lr) implements ProviderReferences {
    public DistillConfig {
        classes = classes == null ? List.of() : List.copyOf(classes);
        if (!(temperature > 0) || !(alpha >= 0) || iterations < 1 || batchSize < 1 || !(lr > 0)) {
            throw new IllegalArgumentException("need temperature > 0, alpha >= 0, iterations and batchSize >= 1,"
                    + " lr > 0");
        }
    }

    @Override
    public Map<String, String> datasets() {
        return Map.of("dataset", dataset);
    }
}

package org.metalearn4j.transfer.distill;

import java.util.List;
import java.util.Map;
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
 * @param backbone    student architecture ({@code conv4} or {@code mlp})
 * @param hidden      student width
 * @param iterations  Adam steps
 * @param batchSize   examples per step
 * @param lr          Adam learning rate
 */
public record DistillConfig(String dataset, String split, String testSplit, List<Integer> classes, int maxPerClass,
                            double temperature, double alpha, String backbone, int hidden, int iterations,
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

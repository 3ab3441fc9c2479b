package org.metalearn4j.transfer.zeroshot;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.metalearn4j.transfer.pipeline.FileReferences;
import org.metalearn4j.transfer.pipeline.ProviderReferences;

/**
 * Settings of the {@code zeroshot} stage.
 *
 * @param method      {@code eszsl} or {@code dap}
 * @param attributes  attribute table: a JSON file (see {@link ClassAttributes}) or {@code fashion-mnist}
 * @param dataset     data set name in the registry, with labelled splits
 * @param trainSplit  split whose seen-class examples train the model
 * @param testSplit   split whose unseen-class examples are classified
 * @param unseen      class indices held out of training and classified at test time
 * @param maxPerClass cap on training examples per seen class (0 = all), a seeded random choice
 * @param pool        average pooling of raw images before flattening when no backbone is given (1 = none)
 * @param gamma       ESZSL feature-side regularisation
 * @param lambda      ESZSL attribute-side regularisation
 * @param l2          DAP per-attribute logistic regression weight penalty
 */
public record ZeroShotConfig(String method, String attributes, String dataset, String trainSplit, String testSplit,
                             List<Integer> unseen, int maxPerClass, int pool, double gamma, double lambda, double l2)
        implements FileReferences, ProviderReferences {
    public ZeroShotConfig {
        if (!"eszsl".equals(method) && !"dap".equals(method)) {
            throw new IllegalArgumentException("method must be 'eszsl' or 'dap', got '" + method + "'");
        }
        if (unseen == null || unseen.size() < 2) {
            throw new IllegalArgumentException("unseen must list at least 2 held-out class indices, got " + unseen);
        }
        unseen = List.copyOf(unseen);
        if (pool < 1) {
            throw new IllegalArgumentException("pool must be >= 1, got " + pool);
        }
        if (!(gamma > 0) || !(lambda > 0) || !(l2 > 0)) {
            throw new IllegalArgumentException("gamma, lambda and l2 must be > 0, got " + gamma + ", " + lambda + ", "
                    + l2);
        }
    }

    @Override
    public Map<String, Path> referencedFiles() {
        return ClassAttributes.FASHION_MNIST.equals(attributes) ? Map.of() : Map.of("attributes", Path.of(attributes));
    }

    @Override
    public Map<String, String> datasets() {
        return Map.of("dataset", dataset);
    }
}

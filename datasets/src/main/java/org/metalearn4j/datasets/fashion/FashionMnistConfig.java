package org.metalearn4j.datasets.fashion;

import java.util.List;

/**
 * Configuration of {@code fashion-mnist}.
 *
 * @param path          directory holding the four IDX files ({@code train-images-idx3-ubyte[.gz]} ...)
 * @param sourceClasses classes of the {@code source-*} and {@code meta-train} splits, e.g. {@code [0,1,2,3,4]}
 * @param targetClasses classes of the {@code target-*} and {@code meta-test} splits, e.g. {@code [5,6,7,8,9]}
 */
public record FashionMnistConfig(String path, List<Integer> sourceClasses, List<Integer> targetClasses) {
    public FashionMnistConfig {
        sourceClasses = sourceClasses == null ? null : List.copyOf(sourceClasses);
        targetClasses = targetClasses == null ? null : List.copyOf(targetClasses);
    }
}

package org.metalearn4j.datasets.omniglot;

import java.util.Map;

/**
 * Result of scoring an adapter on Omniglot one-shot runs; serialises to JSON as is (Jackson reads records).
 *
 * @param accuracy correct / items over all runs
 * @param correct  test items classified correctly
 * @param items    test items over all runs
 * @param perRun   accuracy of each run, by run name, in run order
 */
public record OneShotScore(double accuracy, int correct, int items, Map<String, Double> perRun) {
    public OneShotScore {
        perRun = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(perRun));
    }
}

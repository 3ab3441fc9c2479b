package org.metalearn4j.datasets.omniglot;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Result of scoring an adapter on Omniglot one-shot runs; serialises to JSON as is (Jackson reads records).
 *
 * @param accuracy correct / items over all runs
 * @param ci95     half-width of the 95% confidence interval of the accuracy over test items, {@code 1.96 * sqrt(p (1 -
 *                 p) / items)} (the error rate's is the same)
 * @param correct  test items classified correctly
 * @param items    test items over all runs
 * @param perRun   accuracy of each run, by run name, in run order
 */
public record OneShotScore(double accuracy, double ci95, int correct, int items, Map<String, Double> perRun) {
    public OneShotScore {
        perRun = Collections.unmodifiableMap(new LinkedHashMap<>(perRun));
    }

    /** The score of {@code correct} of {@code items} test items. */
    public static OneShotScore of(int correct, int items, Map<String, Double> perRun) {
        if (items == 0) {
            return new OneShotScore(Double.NaN, Double.NaN, 0, 0, perRun);
        }
        double p = correct / (double) items;
        return new OneShotScore(p, 1.96 * Math.sqrt(p * (1 - p) / items), correct, items, perRun);
    }

    /** {@code 1 - accuracy}: the error rate people's one-shot performance is reported as. */
    public double error() {
        return 1 - accuracy;
    }
}

package org.metalearn4j.core.train;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The mean of a per-episode metric over a fixed episode set, and of any further per-episode metrics the predictors
 * allowed (the Gaussian log-likelihood of regression targets when predictors give a standard deviation).
 *
 * @param metric    {@code accuracy} (classification) or {@code mse} (regression)
 * @param value     mean over episodes
 * @param ci95      half-width of the 95% confidence interval, {@code 1.96 * s / sqrt(n)} with the sample standard
 *                  deviation {@code s} (0 for a single episode)
 * @param episodes  number of episodes {@code n}
 * @param secondary further metrics by name (e.g. {@value Evaluator#LOG_LIKELIHOOD}), each over the same episodes,
 *                  in the order the evaluator computed them
 */
public record EvalResult(String metric, double value, double ci95, int episodes, Map<String, Estimate> secondary) {
    public EvalResult {
        secondary = Collections.unmodifiableMap(new LinkedHashMap<>(secondary));
    }

    /** A result with the main metric only. */
    public EvalResult(String metric, double value, double ci95, int episodes) {
        this(metric, value, ci95, episodes, Map.of());
    }

    /**
     * The mean of one further per-episode metric and the half-width of its 95% confidence interval.
     *
     * @param value mean over episodes
     * @param ci95  {@code 1.96 * s / sqrt(n)}
     */
    public record Estimate(double value, double ci95) {
    }

    /** The secondary metrics flattened for events and JSON: {@code name} and {@code name.ci95} for each. */
    public Map<String, Double> secondaryValues() {
        Map<String, Double> flat = new LinkedHashMap<>();
        secondary.forEach((name, e) -> {
            flat.put(name, e.value());
            flat.put(name + ".ci95", e.ci95());
        });
        return flat;
    }

    /** The mean of per-episode {@code values} with its 95% CI, as defined above; fails on an empty array. */
    public static EvalResult of(String metric, double[] values) {
        int n = values.length;
        if (n < 1) {
            throw new IllegalArgumentException("episodes must be >= 1, got " + n);
        }
        double sum = 0;
        double sumSq = 0;
        for (double v : values) {
            sum += v;
            sumSq += v * v;
        }
        double mean = sum / n;
        double variance = n > 1 ? Math.max(0, (sumSq - n * mean * mean) / (n - 1)) : 0;
        return new EvalResult(metric, mean, 1.96 * Math.sqrt(variance / n), n);
    }
}

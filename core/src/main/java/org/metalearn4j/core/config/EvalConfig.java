package org.metalearn4j.core.config;

/**
 * Evaluation on a fixed, seeded set of episodes, so every learner and every run is scored on identical tasks.
 *
 * @param split    data set split the episodes come from
 * @param way      classes per episode
 * @param shot     support examples per class
 * @param query    query examples per class
 * @param episodes number of episodes; the 95% confidence interval is {@code 1.96 * std / sqrt(episodes)}
 * @param seed     base seed of the episode set, independent of the training seed
 */
public record EvalConfig(String split, int way, int shot, int query, int episodes, long seed) {
    public EvalConfig {
        Checks.notBlank("split", split);
        Checks.atLeast("way", way, 1);
        Checks.atLeast("shot", shot, 1);
        Checks.atLeast("query", query, 1);
        Checks.atLeast("episodes", episodes, 1);
    }

    public static EvalConfig defaults() {
        return new EvalConfig("meta-test", 5, 1, 15, 200, 20261123L);
    }
}

package org.metalearn4j.examples.recipe;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.metalearn4j.core.config.ComponentConfig;
import org.metalearn4j.core.learner.Adapter;
import org.metalearn4j.core.spi.ProviderRegistry;
import org.metalearn4j.core.train.EvalResult;
import org.metalearn4j.core.train.Evaluator;
import org.metalearn4j.core.train.RunComponents;
import org.metalearn4j.datasets.omniglot.OneShotRunsScorer;
import org.metalearn4j.datasets.omniglot.OneShotScore;
import org.metalearn4j.examples.WithinAlphabetSet;

/**
 * The one-shot scores a recipe is judged by, on one split of {@code omniglot-small}: N-way 1-shot accuracy over fixed
 * seeded episodes (15 queries per class) and the within-alphabet error over test items, each with its 95% interval.
 *
 * @param components the run's data set and episode streams
 * @param registry   where the data set's provider is found
 * @param dataset    the run's data set configuration (for the within-alphabet characters)
 * @param split      {@code meta-val} while searching, {@code meta-test} for the chosen recipe
 * @param seed       the episodes' seed, the same for every learner
 */
record OneShotReport(RunComponents components, ProviderRegistry registry, ComponentConfig dataset, String split,
                     long seed) {

    /** N-way 1-shot accuracy over {@code episodes} episodes. */
    EvalResult episodes(Adapter adapter, int way, int episodes) {
        return Evaluator.evaluate(adapter, components.episodes(split, way, 1, 15), episodes, seed);
    }

    /** The within-alphabet score over {@code episodes} episodes of {@code way} characters. */
    OneShotScore withinAlphabet(Adapter adapter, int way, int episodes) {
        return OneShotRunsScorer.score(adapter, WithinAlphabetSet.of(registry, dataset, split, way, episodes, seed,
                "command line"));
    }

    /**
     * The final scores under keys like {@code metaTest5way1shot}, {@code metaTest20way1shot} and
     * {@code metaTestWithinAlphabet20way}, each with the seconds it took.
     */
    Map<String, Object> full(Adapter adapter, int episodes, int withinEpisodes) {
        Map<String, Object> out = new LinkedHashMap<>();
        String key = camelCase(split);
        for (int way : new int[] {5, 20}) {
            long start = System.nanoTime();
            EvalResult r = episodes(adapter, way, episodes);
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("accuracy", round(r.value()));
            e.put("ci95", round(r.ci95()));
            e.put("episodes", r.episodes());
            e.put("evalSeconds", round(seconds(start)));
            out.put(key + way + "way1shot", e);
        }
        long start = System.nanoTime();
        OneShotScore within = withinAlphabet(adapter, WithinAlphabetSet.WAY, withinEpisodes);
        Map<String, Object> w = new LinkedHashMap<>();
        w.put("error", round(within.error()));
        w.put("accuracy", round(within.accuracy()));
        w.put("ci95", round(within.ci95()));
        w.put("items", within.items());
        w.put("episodes", withinEpisodes);
        w.put("evalSeconds", round(seconds(start)));
        out.put(key + "WithinAlphabet" + WithinAlphabetSet.WAY + "way", w);
        return out;
    }

    /** {@code meta-test} to {@code metaTest}: the result keys earlier runs in BENCHMARKS.md use. */
    static String camelCase(String split) {
        StringBuilder key = new StringBuilder();
        boolean upper = false;
        for (char c : split.toCharArray()) {
            if (c == '-') {
                upper = true;
            } else {
                key.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return key.toString();
    }

    static double round(double v) {
        return Double.parseDouble(String.format(Locale.ROOT, "%.4f", v));
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}

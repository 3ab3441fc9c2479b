package org.metalearn4j.examples.metric;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.metalearn4j.core.config.ConfigMappers;
import org.metalearn4j.core.dataset.Dataset;
import org.metalearn4j.core.learner.Adapter;
import org.metalearn4j.core.learner.Learner;
import org.metalearn4j.core.task.EpisodeSpec;
import org.metalearn4j.core.train.EvalResult;
import org.metalearn4j.core.train.Evaluator;
import org.metalearn4j.core.train.LoopResult;
import org.metalearn4j.datasets.omniglot.OmniglotRuns;
import org.metalearn4j.datasets.omniglot.OneShotRunsScorer;
import org.metalearn4j.examples.Components;
import org.metalearn4j.examples.MainOptions;

/**
 * Trains a metric learner ({@code protonet} by default, default configuration: Conv4, Adam 1e-3 halved every 2000
 * episodes) on {@code omniglot-small} meta-train for a wall-clock budget, with 20-way 5-shot 5-query episodes by
 * default (a higher training way than test way, as Snell et al.), then scores 5-way and 20-way 1-shot on the same
 * 1000 seeded meta-test episodes (15 queries per class) with 95% confidence intervals, and optionally on the official
 * one-shot runs ({@code --runs all_runs.zip}). {@code --dataset-params} overrides the data set's parameters (JSON, e.g.
 * {@code {"trainShift":2}} for shifted meta-train images). {@code --eval-split meta-val} scores on a validation split
 * instead (with {@code {"validationAlphabets":["Korean"]}}), to choose settings without looking at meta-test. Prints
 * one JSON object. {@code --params} overrides the learner's parameters (JSON, e.g.
 * {@code {"optimizer":{"schedule":{"every":4000}}}}).
 *
 * <pre>
 * java -cp ... org.metalearn4j.examples.metric.MetricOmniglotBenchmark --learner protonet --seconds 1800
 * </pre>
 */
public final class MetricOmniglotBenchmark {
    private MetricOmniglotBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        MainOptions a = new MainOptions(args, Map.ofEntries(Map.entry("learner", "protonet"),
                Map.entry("seconds", "1800"), Map.entry("way", "20"), Map.entry("shot", "5"), Map.entry("query", "5"),
                Map.entry("episodes", "1000"), Map.entry("seed", "1"), Map.entry("eval-seed", "20261123"),
                Map.entry("runs", ""), Map.entry("dataset-params", ""), Map.entry("eval-split", "meta-test"),
                Map.entry("params", "")));
        Dataset data = Components.dataset("omniglot-small", a.string("dataset-params"));
        long seed = a.integer("seed");
        int way = a.integer("way");
        EpisodeSpec spec = new EpisodeSpec(way, a.integer("shot"), a.integer("query"));
        Learner learner = Components.learner(a.string("learner"), a.string("params"),
                Components.context(data, data.episodes("meta-train", spec), way, seed));
        LoopResult run = TimedTraining.train(learner, data, spec, a.number("seconds"), seed);

        Adapter adapter = learner.adapter();
        int episodes = a.integer("episodes");
        long evalSeed = Long.parseLong(a.string("eval-seed"));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("learner", a.string("learner"));
        out.put("dataset", "omniglot-small");
        out.put("datasetParams", a.string("dataset-params"));
        out.put("params", a.string("params"));
        out.put("trainEpisode", way + "-way " + a.integer("shot") + "-shot " + a.integer("query") + "-query");
        out.put("trainEpisodes", run.iteration());
        out.put("trainSeconds", round(run.trainSeconds()));
        out.put("secondsPerEpisode", round(run.trainSeconds() / Math.max(1, run.iteration())));
        out.put("finalTrainLoss", round(run.lastLoss()));
        String split = a.string("eval-split");
        String key = camelCase(split);
        for (int testWay : new int[] {5, 20}) {
            long start = System.nanoTime();
            EvalResult r = Evaluator.evaluate(adapter, data.episodes(split, new EpisodeSpec(testWay, 1, 15)),
                    episodes, evalSeed);
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("accuracy", round(r.value()));
            e.put("ci95", round(r.ci95()));
            e.put("episodes", r.episodes());
            e.put("evalSeconds", round((System.nanoTime() - start) / 1e9));
            out.put(key + testWay + "way1shot", e);
        }
        if (!a.string("runs").isEmpty()) {
            out.put("officialOneShotRuns", OneShotRunsScorer.score(adapter,
                    OmniglotRuns.read(Path.of(a.string("runs")), 28)).accuracy());
        }
        out.put("machine", Runtime.getRuntime().availableProcessors() + " cores, " + System.getProperty("os.arch"));
        System.out.println(ConfigMappers.json().writeValueAsString(out));
    }

    /** {@code meta-test} to {@code metaTest}: the result keys earlier runs in BENCHMARKS.md use. */
    private static String camelCase(String split) {
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

    private static double round(double v) {
        return Double.parseDouble(String.format(Locale.ROOT, "%.4f", v));
    }
}

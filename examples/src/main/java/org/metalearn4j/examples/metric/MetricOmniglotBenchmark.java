package org.metalearn4j.examples.metric;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.metalearn4j.core.config.ConfigMappers;
import org.metalearn4j.core.dataset.Dataset;
import org.metalearn4j.core.learner.Adapter;
import org.metalearn4j.core.task.EpisodeSpec;
import org.metalearn4j.core.train.EvalResult;
import org.metalearn4j.core.train.Evaluator;
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
 * {@code {"trainShift":2}} for shifted meta-train images). Prints one JSON object.
 *
 * <pre>
 * java -cp ... org.metalearn4j.examples.metric.MetricOmniglotBenchmark --learner protonet --seconds 1800
 * </pre>
 */
public final class MetricOmniglotBenchmark {
    private MetricOmniglotBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        MainOptions a = new MainOptions(args, Map.of("learner", "protonet", "seconds", "1800", "way", "20", "shot", "5",
                "query",
                "5", "episodes", "1000", "seed", "1", "eval-seed", "20261123", "runs", "", "dataset-params", ""));
        Dataset data = Components.dataset("omniglot-small", a.string("dataset-params"));
        long seed = a.integer("seed");
        int way = a.integer("way");
        TimedTraining.Result run = TimedTraining.train(
                Components.learner(a.string("learner"), "", Components.context(data, way, seed)), data,
                new EpisodeSpec(way, a.integer("shot"), a.integer("query")), a.number("seconds"), seed);

        Adapter adapter = run.learner().adapter();
        int episodes = a.integer("episodes");
        long evalSeed = Long.parseLong(a.string("eval-seed"));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("learner", a.string("learner"));
        out.put("dataset", "omniglot-small");
        out.put("datasetParams", a.string("dataset-params"));
        out.put("trainEpisode", way + "-way " + a.integer("shot") + "-shot " + a.integer("query") + "-query");
        out.put("trainEpisodes", run.episodes());
        out.put("trainSeconds", round(run.seconds()));
        out.put("secondsPerEpisode", round(run.secondsPerEpisode()));
        out.put("finalTrainLoss", round(run.lastLoss()));
        for (int testWay : new int[] {5, 20}) {
            long start = System.nanoTime();
            EvalResult r = Evaluator.evaluate(adapter, data.episodes("meta-test", new EpisodeSpec(testWay, 1, 15)),
                    episodes, evalSeed);
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("accuracy", round(r.value()));
            e.put("ci95", round(r.ci95()));
            e.put("episodes", r.episodes());
            e.put("evalSeconds", round((System.nanoTime() - start) / 1e9));
            out.put("metaTest" + testWay + "way1shot", e);
        }
        if (!a.string("runs").isEmpty()) {
            out.put("officialOneShotRuns", OneShotRunsScorer.score(adapter,
                    OmniglotRuns.read(Path.of(a.string("runs")), 28)).accuracy());
        }
        out.put("machine", Runtime.getRuntime().availableProcessors() + " cores, " + System.getProperty("os.arch"));
        System.out.println(ConfigMappers.json().writeValueAsString(out));
    }

    private static double round(double v) {
        return Double.parseDouble(String.format(Locale.ROOT, "%.4f", v));
    }
}

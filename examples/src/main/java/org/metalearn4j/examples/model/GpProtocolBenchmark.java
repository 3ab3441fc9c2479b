package org.metalearn4j.examples.model;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.metalearn4j.core.dataset.Dataset;
import org.metalearn4j.core.learner.Learner;
import org.metalearn4j.core.task.EpisodeSpec;
import org.metalearn4j.core.task.TaskSource;
import org.metalearn4j.core.train.EpisodeScores;
import org.metalearn4j.core.train.EvalProgress;
import org.metalearn4j.core.train.EvalResult;
import org.metalearn4j.core.train.Evaluator;
import org.metalearn4j.datasets.generated.GpCurvesProvider;
import org.metalearn4j.datasets.generated.GpOracle;
import org.metalearn4j.examples.Components;
import org.metalearn4j.examples.MainOptions;
import org.metalearn4j.examples.MeanInterval;

/**
 * The 1-D Gaussian-process protocol of neural processes (RBF kernel, length scale ~U[0.1, 0.6], output scale
 * ~U[0.1, 1.0], noise std 2e-2, x in [-2, 2], 50 points per task with 3 to 47 of them the context): trains each
 * learner of {@code --learners} for {@code --seconds} of training (meta-batch 16), then scores it on the same
 * {@code --eval-tasks} fixed meta-test tasks as the exact GP posterior (the oracle, which knows each task's kernel):
 * query MSE and Gaussian log-likelihood per point, both with 95% CIs, the gap to the oracle, seconds per iteration and
 * evaluation throughput, and for each pair of learners the paired differences of both measures over those tasks.
 * Prints one JSON object; checkpoints per learner under {@code --out} (run again with a spent budget, it scores the
 * checkpoints without training).
 *
 * <pre>
 * java -cp "examples/target/classes:$(cat examples/target/classpath.txt)" \
 *   org.metalearn4j.examples.model.GpProtocolBenchmark --learners cnp,np,anp --seconds 1800 --out target/gp
 * </pre>
 * {@code --params} overrides every learner's parameters (JSON).
 */
public final class GpProtocolBenchmark {
    private GpProtocolBenchmark() {
    }

    public static void main(String[] argv) {
        MainOptions args = new MainOptions(argv, Map.of("learners", "cnp,np,anp", "seconds", "1800",
                "iterations", Integer.toString(Integer.MAX_VALUE), "meta-batch", "16", "eval-tasks", "3000",
                "eval-seed", "20261206", "seed", "1", "params", "", "out", "target/gp-protocol"));
        Dataset gp = new GpCurvesProvider().open(GpCurvesProvider.npProtocol());
        EpisodeSpec protocol = new EpisodeSpec(1, 47, 3);
        TaskSource train = gp.episodes("meta-train", protocol);
        TaskSource test = gp.episodes("meta-test", protocol);
        int tasks = args.integer("eval-tasks");
        long evalSeed = Long.parseLong(args.string("eval-seed"));
        long seed = args.integer("seed");
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, EpisodeScores> perTask = new LinkedHashMap<>();
        out.put("protocol", "gp-curves npProtocol: 50 points, contexts 3..47, " + tasks + " meta-test tasks, seed "
                + evalSeed);
        EvalResult oracle = Evaluator.evaluate(new GpOracle(GpCurvesProvider.npProtocol()), test, tasks, evalSeed);
        out.put("oracle", Json.of(oracle));
        double ceiling = oracle.secondary().get(Evaluator.LOG_LIKELIHOOD).value();
        for (String name : args.list("learners")) {
            Learner learner = Components.learner(name, args.string("params"), Components.context(gp, train, 1,
                    seed));
            BudgetedTraining.Outcome trained = BudgetedTraining.train(name, learner, train,
                    args.integer("meta-batch"), args.number("seconds"), args.integer("iterations"), seed,
                    Path.of(args.string("out"), name));
            long start = System.nanoTime();
            EpisodeScores scores = Evaluator.episodeScores(learner.adapter(), test, tasks, evalSeed,
                    EvalProgress.NONE);
            double evalSeconds = (System.nanoTime() - start) / 1e9;
            perTask.put(name, scores);
            EvalResult r = scores.summary();
            Map<String, Object> e = Json.of(r);
            e.put("gapToOracle", Json.round(ceiling - r.secondary().get(Evaluator.LOG_LIKELIHOOD).value()));
            e.put("iterations", trained.iterations());
            e.put("trainSeconds", Json.round(trained.trainSeconds()));
            e.put("secondsPerIteration", Json.round(trained.secondsPerIteration()));
            e.put("evalTasksPerSecond", Json.round(tasks / evalSeconds));
            out.put(name, e);
        }
        if (perTask.size() > 1) {
            out.put("paired", paired(perTask));
        }
        Json.print(out);
    }

    /**
     * For each pair of learners in the order run, the later one's per-task log-likelihood and MSE minus the earlier
     * one's on the same meta-test tasks, with 95% CIs: the learners' own intervals are mostly the spread of the tasks,
     * which these differences cancel.
     */
    private static Map<String, Object> paired(Map<String, EpisodeScores> perTask) {
        Map<String, Object> out = new LinkedHashMap<>();
        List<String> names = List.copyOf(perTask.keySet());
        for (int i = 0; i < names.size(); i++) {
            for (int j = i + 1; j < names.size(); j++) {
                EpisodeScores first = perTask.get(names.get(i));
                EpisodeScores second = perTask.get(names.get(j));
                EvalResult ll = EvalResult.of(Evaluator.LOG_LIKELIHOOD, MeanInterval.differences(
                        second.logLikelihoods().orElseThrow(), first.logLikelihoods().orElseThrow()));
                EvalResult mse = EvalResult.of("mse", MeanInterval.differences(second.values(), first.values()));
                Map<String, Object> d = new LinkedHashMap<>();
                d.put("logLikelihood", Json.round(ll.value()));
                d.put("logLikelihoodCi95", Json.round(ll.ci95()));
                d.put("mse", Json.round(mse.value()));
                d.put("mseCi95", Json.round(mse.ci95()));
                out.put(names.get(j) + " minus " + names.get(i), d);
            }
        }
        return out;
    }
}

package org.metalearn4j.examples.model;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.metalearn4j.core.dataset.Dataset;
import org.metalearn4j.core.learner.Learner;
import org.metalearn4j.core.task.EpisodeSpec;
import org.metalearn4j.core.task.TaskSource;
import org.metalearn4j.core.train.EvalResult;
import org.metalearn4j.core.train.Evaluator;
import org.metalearn4j.examples.Components;
import org.metalearn4j.examples.MainOptions;

/**
 * Neural processes on MAML's sinusoid protocol, beside {@code SinusoidBenchmark}'s MAML figures: for each learner and
 * K in {@code --shots}, trains on K-point contexts with K query points (meta-batch 16) for {@code --seconds} of
 * training or {@code --iterations}, then scores the same 600 fixed meta-test tasks of 100 query points as the MAML
 * benchmark (seed {@code --seed}): MSE and the Gaussian log-likelihood per point with 95% CIs. Prints one JSON object;
 * checkpoints per learner and K under {@code --out}.
 *
 * <pre>
 * java -cp "examples/target/classes:$(cat examples/target/classpath.txt)" \
 *   org.metalearn4j.examples.model.SinusoidNpBenchmark --learners cnp,anp --shots 5,10 --seconds 900
 * </pre>
 */
public final class SinusoidNpBenchmark {
    private SinusoidNpBenchmark() {
    }

    public static void main(String[] argv) {
        MainOptions args = new MainOptions(argv, Map.of("learners", "cnp,anp", "shots", "5,10", "seconds", "900",
                "iterations", Integer.toString(Integer.MAX_VALUE), "meta-batch", "16", "test-tasks", "600",
                "seed", "1", "params", "", "out", "target/sinusoid-np"));
        Dataset sinusoid = Components.dataset("sinusoid", "");
        long seed = args.integer("seed");
        Map<String, Object> out = new LinkedHashMap<>();
        for (String name : args.list("learners")) {
            for (String k : args.list("shots")) {
                int shots = Integer.parseInt(k);
                TaskSource train = sinusoid.episodes("meta-train", new EpisodeSpec(1, shots, shots));
                TaskSource test = sinusoid.episodes("meta-test", new EpisodeSpec(1, shots, 100));
                Learner learner = Components.learner(name, args.string("params"), Components.context(sinusoid,
                        train, 1, seed));
                String label = name + "-K" + shots;
                BudgetedTraining.Outcome trained = BudgetedTraining.train(label, learner, train,
                        args.integer("meta-batch"), args.number("seconds"), args.integer("iterations"), seed,
                        Path.of(args.string("out"), label));
                EvalResult r = Evaluator.evaluate(learner.adapter(), test, args.integer("test-tasks"), seed);
                Map<String, Object> e = Json.of(r);
                e.put("iterations", trained.iterations());
                e.put("trainSeconds", Json.round(trained.trainSeconds()));
                e.put("secondsPerIteration", Json.round(trained.secondsPerIteration()));
                out.put(label, e);
            }
        }
        Json.print(out);
    }
}

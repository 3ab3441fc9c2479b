package org.metalearn4j.examples.model;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.metalearn4j.core.dataset.Dataset;
import org.metalearn4j.core.learner.Learner;
import org.metalearn4j.core.learner.TaskEncoder;
import org.metalearn4j.core.task.EpisodeSpec;
import org.metalearn4j.core.task.Seeds;
import org.metalearn4j.core.task.Task;
import org.metalearn4j.core.task.TaskSource;
import org.metalearn4j.core.train.EvalResult;
import org.metalearn4j.core.train.Evaluator;
import org.metalearn4j.examples.Components;
import org.metalearn4j.examples.MainOptions;
import org.metalearn4j.model.taskembed.Spearman;

/**
 * The task embedding on sinusoid tasks: trains {@code task-encoder} for {@code --seconds} (meta-batch 16, K = 10
 * support and 10 query points), then over {@code --pairs} fixed pairs of meta-test tasks compares the distance of the
 * two support sets' embeddings with the distance of the tasks' true solution parameters: {@code A sin(x + p) =
 * A cos(p) sin x + A sin(p) cos x}, so {@code (A cos p, A sin p)} from each task's descriptor. Reports Spearman's rank
 * correlation (untrained and trained) and the K = 5 query MSE of the nearest-known-task warm start against the same
 * ridge regression started from zero, on 600 fixed tasks. Prints one JSON object; checkpoints under {@code --out}.
 *
 * <pre>
 * java -cp "examples/target/classes:$(cat examples/target/classpath.txt)" \
 *   org.metalearn4j.examples.model.TaskEmbeddingRanking --seconds 300
 * </pre>
 */
public final class TaskEmbeddingRanking {
    private TaskEmbeddingRanking() {
    }

    public static void main(String[] argv) {
        MainOptions args = new MainOptions(argv, Map.of("seconds", "300", "iterations",
                Integer.toString(Integer.MAX_VALUE), "pairs", "1000", "seed", "1", "params", "",
                "out", "target/task-embedding"));
        Dataset sinusoid = Components.dataset("sinusoid", "");
        TaskSource train = sinusoid.episodes("meta-train", new EpisodeSpec(1, 10, 10));
        TaskSource pairs = sinusoid.episodes("meta-test", new EpisodeSpec(1, 10, 1));
        long seed = args.integer("seed");
        Learner learner = Components.learner("task-encoder", args.string("params"), Components.context(sinusoid,
                train, 1, seed));
        double untrained = rank(((TaskEncoder.Trained) learner).taskEncoder(), pairs, args.integer("pairs"));
        BudgetedTraining.Outcome trained = BudgetedTraining.train("task-encoder", learner, train, 16,
                args.number("seconds"), args.integer("iterations"), seed, Path.of(args.string("out")));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("pairs", args.integer("pairs"));
        out.put("rankCorrelationUntrained", Json.round(untrained));
        out.put("rankCorrelation", Json.round(rank(((TaskEncoder.Trained) learner).taskEncoder(), pairs,
                args.integer("pairs"))));
        TaskSource fewShot = sinusoid.episodes("meta-test", new EpisodeSpec(1, 5, 100));
        EvalResult warm = Evaluator.evaluate(learner.adapter(), fewShot, 600, seed);
        Learner fresh = Components.learner("task-encoder", args.string("params"), Components.context(sinusoid, train,
                1, seed));
        out.put("warmStart5Shot", Json.of(warm));
        out.put("coldRidge5Shot", Json.of(Evaluator.evaluate(fresh.adapter(), fewShot, 600, seed)));
        out.put("iterations", trained.iterations());
        out.put("trainSeconds", Json.round(trained.trainSeconds()));
        out.put("secondsPerIteration", Json.round(trained.secondsPerIteration()));
        Json.print(out);
    }

    /** Spearman's rank correlation of embedding distances and true parameter distances over fixed pairs. */
    private static double rank(TaskEncoder encoder, TaskSource tasks, int pairs) {
        double[] truth = new double[pairs];
        double[] embedded = new double[pairs];
        for (int i = 0; i < pairs; i++) {
            Task a = tasks.sample(Seeds.derive(77, i, 0));
            Task b = tasks.sample(Seeds.derive(77, i, 1));
            double[] pa = coefficients(a);
            double[] pb = coefficients(b);
            truth[i] = Math.hypot(pa[0] - pb[0], pa[1] - pb[1]);
            embedded[i] = encoder.encode(a.support()).sub(encoder.encode(b.support())).norm2Number().doubleValue();
        }
        return Spearman.of(embedded, truth);
    }

    /** {@code (A cos p, A sin p)} from the sinusoid's descriptor {@code [A, p]}. */
    private static double[] coefficients(Task t) {
        double[] d = t.descriptor().orElseThrow().toDoubleVector();
        return new double[] {d[0] * Math.cos(d[1]), d[0] * Math.sin(d[1])};
    }
}

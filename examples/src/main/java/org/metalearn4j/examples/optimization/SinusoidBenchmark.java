package org.metalearn4j.examples.optimization;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.metalearn4j.core.dataset.Dataset;
import org.metalearn4j.core.event.StepEvent;
import org.metalearn4j.core.learner.Learner;
import org.metalearn4j.core.learner.Predictor;
import org.metalearn4j.core.task.EpisodeSpec;
import org.metalearn4j.core.task.Seeds;
import org.metalearn4j.core.task.Task;
import org.metalearn4j.core.task.TaskSource;
import org.metalearn4j.core.task.TaskType;
import org.metalearn4j.core.train.EvalResult;
import org.metalearn4j.core.train.Evaluator;
import org.metalearn4j.core.train.LoopPlan;
import org.metalearn4j.core.train.LoopStart;
import org.metalearn4j.core.train.LoopResult;
import org.metalearn4j.core.train.MetaTrainingLoop;
import org.metalearn4j.examples.Components;
import org.metalearn4j.examples.MainOptions;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The MAML paper's sinusoid protocol: MLP 1-40-40-1, one inner step of 0.01, meta-batch 25, Adam 1e-3, 10,000
 * meta-iterations with K support and K query points per task; then the mean MSE over 600 fixed {@code meta-test}
 * tasks (100 query points each) after one step on K points, with its 95% confidence interval. One model per K and
 * learner. Also writes, per run, a CSV of the support points, query points and the adapted curve on a grid for the
 * first test task ({@code kind,x,target,prediction}).
 *
 * <pre>
 * java -cp "examples/target/classes:$(cat examples/target/classpath.txt)" \
 *   org.metalearn4j.examples.optimization.SinusoidBenchmark --learners maml,metasgd --shots 5,10,20 \
 *   --iterations 10000 --out target/sinusoid
 * </pre>
 */
public final class SinusoidBenchmark {
    private static final String PARAMS = "{\"order\":\"second\",\"innerSteps\":1,\"innerLr\":0.01,\"evalInnerSteps\":1,"
            + "\"backbone\":{\"type\":\"mlp\",\"hidden\":[40,40]},"
            + "\"metaOptimizer\":{\"type\":\"adam\",\"learningRate\":0.001}}";

    private SinusoidBenchmark() {
    }

    public static void main(String[] argv) throws IOException {
        MainOptions args = new MainOptions(argv, Map.of("learners", "maml,metasgd", "shots", "5,10,20",
                "iterations", "10000",
                "meta-batch", "25", "test-tasks", "600", "seed", "1", "log-every", "500", "out", "target/sinusoid"));
        Dataset sinusoid = Components.dataset("sinusoid", "");
        Path out = Path.of(args.string("out"));
        Files.createDirectories(out);
        long seed = args.integer("seed");
        for (String name : args.list("learners")) {
            for (String k : args.list("shots")) {
                int shots = Integer.parseInt(k);
                TaskSource train = sinusoid.episodes("meta-train", new EpisodeSpec(1, shots, shots));
                TaskSource test = sinusoid.episodes("meta-test", new EpisodeSpec(1, shots, 100));
                Learner learner = Components.learner(name, PARAMS, Components.context(sinusoid, train, 1, seed));
                int logEvery = args.integer("log-every");
                LoopResult run = new MetaTrainingLoop(learner, train,
                        LoopPlan.of(args.integer("iterations"), args.integer("meta-batch"), seed), "mse")
                        .evaluation((l, it, last) -> Evaluator.evaluate(l.adapter(), test, args.integer("test-tasks"),
                                seed), "meta-test")
                        .events(event -> {
                            if (event instanceof StepEvent e && e.iteration() % logEvery == 0) {
                                System.out.printf("%s K=%d iteration %d: query MSE %.4f, %.1f s%n", name, shots,
                                        e.iteration(), e.metric(), e.elapsedSeconds());
                            }
                        })
                        .run(LoopStart.fresh(), () -> false);
                EvalResult r = run.evaluation();
                System.out.printf("RESULT %s K=%d: %d meta-iterations in %.0f s; mean MSE %.3f +- %.3f (95%% CI) over"
                        + " %d test tasks%n", name, shots, run.iteration(), run.trainSeconds(), r.value(), r.ci95(),
                        r.episodes());
                writeCurve(learner, test.sample(Seeds.derive(seed, 0)), out.resolve("sinusoid-" + name + "-K" + shots
                        + ".csv"));
            }
        }
    }

    private static void writeCurve(Learner learner, Task task, Path file) throws IOException {
        Predictor p = learner.adapter().adapt(task.support(), TaskType.REGRESSION, 1);
        float[] xs = new float[201];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = -5f + i * 0.05f;
        }
        INDArray grid = Nd4j.create(xs, new long[] {xs.length, 1}, DataType.FLOAT);
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(file))) {
            w.println("kind,x,target,prediction");
            rows(w, "support", task.support().x(), task.support().y(), p.predict(task.support().x()));
            rows(w, "query", task.query().x(), task.query().y(), p.predict(task.query().x()));
            rows(w, "grid", grid, null, p.predict(grid));
        }
    }

    private static void rows(PrintWriter w, String kind, INDArray x, INDArray y, INDArray prediction) {
        for (int i = 0; i < x.size(0); i++) {
            w.printf("%s,%.5f,%s,%.5f%n", kind, x.getDouble(i, 0), y == null ? "" : String.format("%.5f",
                    y.getDouble(i, 0)), prediction.getDouble(i, 0));
        }
    }
}

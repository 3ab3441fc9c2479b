package org.metalearn4j.examples.optimization;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.metalearn4j.core.dataset.Dataset;
import org.metalearn4j.core.event.StepEvent;
import org.metalearn4j.core.learner.Learner;
import org.metalearn4j.core.task.EpisodeSpec;
import org.metalearn4j.core.task.TaskSource;
import org.metalearn4j.core.train.LoopPlan;
import org.metalearn4j.core.train.LoopResult;
import org.metalearn4j.core.train.LoopStart;
import org.metalearn4j.core.train.MetaTrainingLoop;
import org.metalearn4j.examples.Components;
import org.metalearn4j.examples.MainOptions;

/**
 * Bayesian MAML's sinusoid protocol (Yoon et al. 2018): amplitude in [0.1, 5], phase in [0, 2 pi], frequency in
 * [0.5, 2], inputs in [-5, 5], noise 0.01 x amplitude, a finite set of {@code --train-tasks} training tasks, K support
 * points; every learner is an MLP with {@code --hidden} ReLU layers (the reference code's three of 40) and a learned
 * Gaussian noise level, meta-trained with Adam 1e-3 for {@code --iterations} iterations of {@code --meta-batch} tasks
 * (the reference code makes 100,000 of 10) on the same seeds, then scored on {@code --test-tasks}
 * fixed test tasks of {@code --test-points} query points: the MSE of the predictive mean, the Gaussian
 * log-likelihood per point and the calibration error of the central predictive intervals ({@link Calibration}).
 *
 * <p>Learners: {@code maml} is {@code ensemble-maml} with one particle (MAML with a learned noise level, so that it
 * has a likelihood); {@code ensemble-maml} has {@code --particles} independent particles; {@code bmaml} the same
 * number coupled by SVGD with the chaser loss. Inner step sizes per learner in {@code --inner-lr}; every learner's
 * observation noise starts at {@code --noise-std} (its precision scales the inner gradient).
 *
 * <pre>
 * java -cp "examples/target/classes:$(cat examples/target/classpath.txt)" \
 *   org.metalearn4j.examples.optimization.BayesianSinusoidBenchmark --train-tasks 100,1000 --shots 5,10 \
 *   --iterations 100000 --out target/bmaml-sinusoid.csv
 * </pre>
 */
public final class BayesianSinusoidBenchmark {
    private static final String DATASET = "{\"phaseMax\":6.283185307179586,\"frequencyMin\":0.5,\"frequencyMax\":2.0,"
            + "\"noise\":0.01,\"trainTasks\":%d}";
    private static final String PARAMS = "{\"particles\":%d,\"order\":\"second\",\"innerSteps\":1,\"innerLr\":%s,"
            + "\"evalInnerSteps\":1,\"metaLoss\":\"%s\",\"noiseStd\":%s,"
            + "\"backbone\":{\"type\":\"mlp\",\"hidden\":[%s]},"
            + "\"metaOptimizer\":{\"type\":\"adam\",\"learningRate\":0.001}}";

    private BayesianSinusoidBenchmark() {
    }

    public static void main(String[] argv) throws IOException {
        MainOptions args = new MainOptions(argv, Map.ofEntries(Map.entry("learners", "maml,ensemble-maml,bmaml"),
                Map.entry("train-tasks", "100,1000"), Map.entry("shots", "5,10"), Map.entry("particles", "10"),
                Map.entry("inner-lr", "maml=0.01,ensemble-maml=0.01,bmaml=0.05"), Map.entry("iterations", "100000"),
                Map.entry("meta-batch", "10"), Map.entry("test-tasks", "100"), Map.entry("test-points", "100"),
                Map.entry("seeds", "1"), Map.entry("noise-std", "1.0"), Map.entry("hidden", "40,40,40"),
                Map.entry("log-every", "1000"),
                Map.entry("out", "target/bmaml.csv")));
        Map<String, String> innerLr = new HashMap<>();
        for (String entry : args.list("inner-lr")) {
            String[] kv = entry.split("=");
            innerLr.put(kv[0], kv[1]);
        }
        Path out = Path.of(args.string("out"));
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        try (PrintWriter csv = new PrintWriter(Files.newBufferedWriter(out))) {
            csv.println("learner,train_tasks,shots,seed,iterations,train_seconds,seconds_per_iteration,mse,"
                    + "log_likelihood,calibration_error");
            for (String seedText : args.list("seeds")) {
                long seed = Long.parseLong(seedText);
                for (String tasks : args.list("train-tasks")) {
                    Dataset data = Components.dataset("sinusoid", DATASET.formatted(Integer.parseInt(tasks)));
                    for (String k : args.list("shots")) {
                        int shots = Integer.parseInt(k);
                        TaskSource train = data.episodes("meta-train", new EpisodeSpec(1, shots, shots));
                        TaskSource test = data.episodes("meta-test", new EpisodeSpec(1, shots,
                                args.integer("test-points")));
                        for (String name : args.list("learners")) {
                            boolean maml = "maml".equals(name);
                            String params = PARAMS.formatted(maml ? 1 : args.integer("particles"),
                                    innerLr.getOrDefault(name, "0.01"), "bmaml".equals(name) ? "chaser" : "query",
                                    args.string("noise-std"), String.join(",", args.list("hidden")));
                            Learner learner = Components.learner(maml ? "ensemble-maml" : name, params,
                                    Components.context(data, train, 1, seed));
                            int logEvery = args.integer("log-every");
                            LoopResult run = new MetaTrainingLoop(learner, train, LoopPlan.of(
                                    args.integer("iterations"), args.integer("meta-batch"), seed), "mse")
                                    .events(event -> {
                                        if (event instanceof StepEvent e && e.iteration() % logEvery == 0) {
                                            System.out.printf("%s %s tasks K=%d iteration %d: loss %.4f, query MSE"
                                                    + " %.4f, %.0f s%n", name, tasks, shots, e.iteration(), e.loss(),
                                                    e.metric(), e.elapsedSeconds());
                                        }
                                    }).run(LoopStart.fresh(), () -> false);
                            Calibration.Regression r = Calibration.regression(learner.adapter(), test,
                                    args.integer("test-tasks"), seed);
                            double perIteration = run.trainSeconds() / run.iteration();
                            System.out.printf("RESULT %s, %s training tasks, K=%d, seed %d: MSE %.4f, log-likelihood"
                                    + " %.4f, calibration error %.4f over %d test points; %d iterations, %.3f s per"
                                    + " iteration%n", name, tasks, shots, seed, r.mse(), r.logLikelihood(),
                                    r.calibrationError(), r.points(), run.iteration(), perIteration);
                            csv.printf("%s,%s,%d,%d,%d,%.1f,%.4f,%.6f,%.6f,%.6f%n", name, tasks, shots, seed,
                                    run.iteration(), run.trainSeconds(), perIteration, r.mse(), r.logLikelihood(),
                                    r.calibrationError());
                            csv.flush();
                        }
                    }
                }
            }
        }
    }
}

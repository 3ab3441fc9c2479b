package org.metalearn4j.examples.optimization;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleFunction;
import java.util.function.Supplier;
import org.metalearn4j.core.dataset.Dataset;
import org.metalearn4j.core.event.StepEvent;
import org.metalearn4j.core.learner.LearnerContext;
import org.metalearn4j.core.nn.Params;
import org.metalearn4j.core.optim.Adam;
import org.metalearn4j.core.optim.AdamConfig;
import org.metalearn4j.core.optim.Optimizer;
import org.metalearn4j.core.optim.OptimizerSetup;
import org.metalearn4j.core.optim.RmsProp;
import org.metalearn4j.core.optim.RmsPropConfig;
import org.metalearn4j.core.optim.Sgd;
import org.metalearn4j.core.optim.SgdConfig;
import org.metalearn4j.core.task.EpisodeSpec;
import org.metalearn4j.core.task.Seeds;
import org.metalearn4j.core.task.Task;
import org.metalearn4j.core.task.TaskSource;
import org.metalearn4j.core.tensor.Tensor;
import org.metalearn4j.core.train.LoopPlan;
import org.metalearn4j.core.train.LoopStart;
import org.metalearn4j.core.train.MetaTrainingLoop;
import org.metalearn4j.examples.Components;
import org.metalearn4j.examples.MainOptions;
import org.metalearn4j.optimization.learned.LearnedLstmOptimizer;
import org.metalearn4j.optimization.learned.LearnedOptimizerFile;
import org.metalearn4j.optimization.learned.LearnedOptimizerLearner;
import org.metalearn4j.optimization.learned.OptimizationProblem;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The learned LSTM optimizer against hand-designed ones (Andrychowicz et al. 2016, figures 2 and 4). Meta-trains a
 * {@code learned-optimizer} on one problem for {@code --iterations} iterations (or reads a trained one from
 * {@code --learned RUN_DIR}), tunes the learning rate of Adam, RMSprop and SGD with momentum 0.9 on {@code --grid}
 * (lowest mean loss at step 100 over {@code --tune-problems} problems of another split), then optimizes
 * {@code --test-problems} held-out problems with each optimizer for {@code --horizon} steps from the same
 * initialisations and minibatches. Writes the mean loss at every step as CSV and prints log10 of the mean loss at
 * steps 100 and 200, the chosen rates, the time per meta-iteration and the peak memory of meta-training (the unrolled
 * optimizer).
 *
 * <p>Problems: {@code quadratic}, 10-dimensional random quadratics in batches of 128 (one problem is the mean of 128,
 * as in the paper's reference code), the whole quadratics every step; {@code fashion-mlp}, a 20-unit sigmoid MLP on
 * Fashion-MNIST minibatches of 128 drawn from 1,000 training images (test problems: from the test images), whose
 * optimizer, when trained here, minimises the log objective as the shipped config does.
 *
 * <pre>
 * java -cp "examples/target/classes:$(cat examples/target/classpath.txt)" \
 *   org.metalearn4j.examples.optimization.LearnedOptimizerBenchmark --problem quadratic --iterations 300 \
 *   --out target/l2l-quadratic.csv
 * </pre>
 */
public final class LearnedOptimizerBenchmark {
    private static final int TUNED_AT = 100;

    private LearnedOptimizerBenchmark() {
    }

    /** What one problem family needs: data, splits, episode shape and the learner's parameters. */
    private record Problem(String dataset, String datasetParams, String trainSplit, String tuneSplit,
                           String testSplit, EpisodeSpec spec, String params, int metaBatch, int batchSize) {
    }

    private static final Map<String, Problem> PROBLEMS = Map.of(
            "quadratic", new Problem("quadratic", "{\"batch\":128}", "meta-train", "meta-val", "meta-test",
                    new EpisodeSpec(1, 10, 10),
                    "{\"backbone\":{\"type\":\"mlp\",\"hidden\":[]},\"headBias\":false,\"batchSize\":0}", 1, 0),
            "fashion-mlp", new Problem("fashion-mnist", "", "train", "train", "test", new EpisodeSpec(10, 100, 10),
                    "{\"backbone\":{\"type\":\"mlp\",\"hidden\":[20],\"activation\":\"sigmoid\"},\"batchSize\":128,"
                    + "\"objective\":\"log\"}",
                    1, 128));

    public static void main(String[] argv) throws IOException {
        MainOptions args = new MainOptions(argv, Map.of("problem", "quadratic", "iterations", "300", "meta-batch", "0",
                "learned", "", "test-problems", "100", "tune-problems", "20", "horizon", "200",
                "grid", "0.0001,0.0003,0.001,0.003,0.01,0.03,0.1,0.3,1,3,10", "seed", "1", "out", "target/l2l.csv"));
        Problem problem = PROBLEMS.get(args.string("problem"));
        if (problem == null) {
            throw new IllegalArgumentException("--problem: expected one of " + PROBLEMS.keySet() + ", got '"
                    + args.string("problem") + "'");
        }
        long seed = args.integer("seed");
        Dataset data = Components.dataset(problem.dataset(), problem.datasetParams());
        TaskSource train = data.episodes(problem.trainSplit(), problem.spec());
        LearnerContext context = Components.context(data, train, problem.spec().way(), seed);
        LearnedOptimizerLearner learner;
        Supplier<Optimizer> learned;
        if (args.string("learned").isEmpty()) {
            learner = (LearnedOptimizerLearner) Components.learner("learned-optimizer", problem.params(), context);
            train(learner, train, args, problem, seed);
            learned = () -> learner.optimizer(OptimizerSetup.of(1.0));
        } else {
            LearnedOptimizerFile file = LearnedOptimizerFile.read(args.string("learned"));
            learner = LearnedOptimizerLearner.create(file.config(), context, DataType.FLOAT);
            learned = () -> new LearnedLstmOptimizer(file.config().network(), file.weights(),
                    file.config().parameterGroups(), OptimizerSetup.of(1.0), file.origin());
            System.out.println("learned optimizer read from " + file.origin());
        }
        int batchSize = problem.batchSize();
        List<Run> tuning = runs(learner, data.episodes(problem.tuneSplit(), problem.spec()),
                args.integer("tune-problems"), Seeds.derive(seed, 101), batchSize);
        List<Run> test = runs(learner, data.episodes(problem.testSplit(), problem.spec()),
                args.integer("test-problems"), Seeds.derive(seed, 202), batchSize);
        int horizon = args.integer("horizon");
        Map<String, double[]> curves = new LinkedHashMap<>();
        curves.put("learned", meanCurve(learned, test, horizon));
        Map<String, DoubleFunction<Optimizer>> baselines = new LinkedHashMap<>();
        baselines.put("adam", lr -> new Adam(AdamConfig.of(lr)));
        baselines.put("rmsprop", lr -> new RmsProp(RmsPropConfig.of(lr)));
        baselines.put("sgd_momentum", lr -> new Sgd(new SgdConfig(lr, 0.9, 0, false, List.of())));
        for (Map.Entry<String, DoubleFunction<Optimizer>> b : baselines.entrySet()) {
            double best = Double.NaN;
            double bestLoss = Double.POSITIVE_INFINITY;
            for (String rate : args.list("grid")) {
                double lr = Double.parseDouble(rate);
                double loss = meanCurve(() -> b.getValue().apply(lr), tuning, TUNED_AT)[TUNED_AT];
                if (loss < bestLoss) {
                    bestLoss = loss;
                    best = lr;
                }
            }
            double lr = best;
            System.out.printf("TUNED %s %s: learning rate %s (mean loss %.5g at step %d on %d tuning problems)%n",
                    args.string("problem"), b.getKey(), lr, bestLoss, TUNED_AT, tuning.size());
            curves.put(b.getKey(), meanCurve(() -> b.getValue().apply(lr), test, horizon));
        }
        write(Path.of(args.string("out")), curves, horizon);
        for (int step : java.util.stream.IntStream.of(Math.min(TUNED_AT, horizon), horizon).distinct().toArray()) {
            StringBuilder line = new StringBuilder("RESULT " + args.string("problem") + " step " + step + ", "
                    + test.size() + " held-out problems, log10 mean loss:");
            curves.forEach((name, c) -> line.append(String.format(" %s %.3f", name, Math.log10(c[step]))));
            System.out.println(line);
        }
    }

    private static void train(LearnedOptimizerLearner learner, TaskSource train, MainOptions args, Problem problem,
                              long seed) {
        int metaBatch = args.integer("meta-batch") > 0 ? args.integer("meta-batch") : problem.metaBatch();
        List<Double> seconds = new ArrayList<>();
        try (Memory memory = Memory.track()) {
            new MetaTrainingLoop(learner, train, LoopPlan.of(args.integer("iterations"), metaBatch, seed), "loss")
                    .events(event -> {
                        if (event instanceof StepEvent e) {
                            seconds.add(e.stepSeconds());
                            if (e.iteration() % 10 == 0 || e.iteration() == e.iterations()) {
                                System.out.printf("meta-iteration %d/%d: final optimizee loss %.5g, %.2f s%n",
                                        e.iteration(), e.iterations(), e.loss(), e.stepSeconds());
                            }
                        }
                    }).run(LoopStart.fresh(), () -> false);
            double mean = seconds.stream().skip(seconds.size() > 1 ? 1 : 0).mapToDouble(Double::doubleValue)
                    .average().orElse(Double.NaN);
            System.out.printf("TRAINING %s: %d meta-iterations of %d problems, %.3f s per meta-iteration (after the"
                    + " first); %s%n", args.string("problem"), seconds.size(), metaBatch, mean, memory.summary());
        }
    }

    /** One problem with its fixed initialisation: every optimizer starts from a copy of it. */
    private record Run(OptimizationProblem problem, Params start) {
    }

    private static List<Run> runs(LearnedOptimizerLearner learner, TaskSource source, int count, long seed,
                                  int batchSize) {
        List<Run> runs = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Task task = source.sample(Seeds.derive(seed, i));
            runs.add(new Run(new OptimizationProblem(learner.optimizee(), task.support(), task.type(), DataType.FLOAT,
                    batchSize, Seeds.derive(seed, i, 1)), learner.optimizee().init(Seeds.derive(seed, i, 2),
                    DataType.FLOAT)));
        }
        return runs;
    }

    /**
     * The mean over the runs of the minibatch loss before each step and after the last; infinite from the step at which
     * one run diverged.
     */
    private static double[] meanCurve(Supplier<Optimizer> optimizer, List<Run> runs, int horizon) {
        double[] mean = new double[horizon + 1];
        for (Run run : runs) {
            Optimizer o = optimizer.get();
            Params params = run.start().copyAsVariables();
            for (int t = 0; t <= horizon; t++) {
                Tensor loss = run.problem().loss(params, t);
                double value = loss.item();
                if (!Double.isFinite(value)) {
                    for (int r = t; r <= horizon; r++) {
                        mean[r] = Double.POSITIVE_INFINITY;
                    }
                    break;
                }
                mean[t] += value / runs.size();
                if (t < horizon) {
                    o.step(params, params.grad(loss, false));
                }
            }
        }
        return mean;
    }

    private static void write(Path out, Map<String, double[]> curves, int horizon) throws IOException {
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        try (PrintWriter csv = new PrintWriter(Files.newBufferedWriter(out))) {
            csv.println("step," + String.join(",", curves.keySet()));
            for (int t = 0; t <= horizon; t++) {
                StringBuilder row = new StringBuilder(Integer.toString(t));
                for (double[] c : curves.values()) {
                    row.append(',').append(c[t]);
                }
                csv.println(row);
            }
        }
    }
}

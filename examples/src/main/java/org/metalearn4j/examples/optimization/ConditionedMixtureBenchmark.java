package org.metalearn4j.examples.optimization;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.metalearn4j.core.dataset.Dataset;
import org.metalearn4j.core.event.StepEvent;
import org.metalearn4j.core.learner.Adapter;
import org.metalearn4j.core.learner.Learner;
import org.metalearn4j.core.learner.Predictor;
import org.metalearn4j.core.task.EpisodeSpec;
import org.metalearn4j.core.task.Seeds;
import org.metalearn4j.core.task.Task;
import org.metalearn4j.core.task.TaskSource;
import org.metalearn4j.core.train.EvalResult;
import org.metalearn4j.core.train.LoopPlan;
import org.metalearn4j.core.train.LoopResult;
import org.metalearn4j.core.train.LoopStart;
import org.metalearn4j.core.train.MetaTrainingLoop;
import org.metalearn4j.examples.Components;
import org.metalearn4j.examples.MainOptions;
import org.metalearn4j.examples.MeanInterval;
import org.metalearn4j.optimization.conditioned.TaskConditionedLearner;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The task-conditioned optimizer against Meta-SGD's single learned set of rates on a mixture of two regression
 * families, {@code sinusoid} and {@code harmonic} (equal shares): both learners get the same MLP 1-40-40-1, inner
 * steps, initial rate, Adam 1e-3, meta-batch and seeds, and are scored on the same {@code --test-tasks} fixed mixture
 * test tasks: the query MSE after adaptation, overall and per family, and for each later learner its paired difference
 * from the first over those tasks with a 95% CI. For the task-conditioned optimizer it also
 * prints the rate scale of every layer and the weight of every inner step, averaged over each family's test support
 * sets: the rates it reads from the task.
 *
 * <pre>
 * java -cp "examples/target/classes:$(cat examples/target/classpath.txt)" \
 *   org.metalearn4j.examples.optimization.ConditionedMixtureBenchmark --iterations 20000 --shots 10
 * </pre>
 */
public final class ConditionedMixtureBenchmark {
    private static final String SHARED = "\"order\":\"second\",\"innerSteps\":%d,\"innerLr\":0.01,"
            + "\"evalInnerSteps\":%d,\"backbone\":{\"type\":\"mlp\",\"hidden\":[40,40]},"
            + "\"metaOptimizer\":{\"type\":\"adam\",\"learningRate\":0.001}";

    private ConditionedMixtureBenchmark() {
    }

    public static void main(String[] argv) {
        MainOptions args = new MainOptions(argv, Map.of("learners", "metasgd,task-conditioned", "iterations", "20000",
                "meta-batch", "25", "shots", "10", "inner-steps", "2", "test-tasks", "600", "test-points", "100",
                "seed", "1", "log-every", "1000"));
        Dataset mixture = Components.dataset("mixture", "");
        int shots = args.integer("shots");
        long seed = args.integer("seed");
        TaskSource train = mixture.episodes("meta-train", new EpisodeSpec(1, shots, shots));
        TaskSource test = mixture.episodes("meta-test", new EpisodeSpec(1, shots, args.integer("test-points")));
        int steps = args.integer("inner-steps");
        Map<String, double[]> perTask = new LinkedHashMap<>();
        for (String name : args.list("learners")) {
            String params = "{" + SHARED.formatted(steps, steps) + "}";
            Learner learner = Components.learner(name, params, Components.context(mixture, train, 1, seed));
            int logEvery = args.integer("log-every");
            LoopResult run = new MetaTrainingLoop(learner, train, LoopPlan.of(args.integer("iterations"),
                    args.integer("meta-batch"), seed), "mse").events(event -> {
                        if (event instanceof StepEvent e && e.iteration() % logEvery == 0) {
                            System.out.printf("%s iteration %d: query MSE %.4f, %.0f s%n", name, e.iteration(),
                                    e.metric(), e.elapsedSeconds());
                        }
                    }).run(LoopStart.fresh(), () -> false);
            double[] taskMse = new double[args.integer("test-tasks")];
            Map<String, double[]> mse = score(learner.adapter(), test, taskMse, seed);
            perTask.put(name, taskMse);
            StringBuilder line = new StringBuilder(String.format("RESULT %s, K=%d, %d iterations (%.3f s each):",
                    name, shots, run.iteration(), run.trainSeconds() / run.iteration()));
            mse.forEach((family, s) -> line.append(String.format(" %s MSE %.4f (%d tasks);", family, s[0] / s[1],
                    (int) s[1])));
            System.out.println(line);
            if (learner instanceof TaskConditionedLearner conditioned) {
                printRates(conditioned, test, args.integer("test-tasks"), seed);
            }
        }
        printPairedDifferences(perTask);
    }

    /** Each later learner's per-task MSE minus the first learner's, on the same test tasks: mean and 95% CI. */
    private static void printPairedDifferences(Map<String, double[]> perTask) {
        List<String> names = List.copyOf(perTask.keySet());
        double[] first = perTask.get(names.get(0));
        for (String name : names.subList(1, names.size())) {
            EvalResult r = EvalResult.of("mse difference", MeanInterval.differences(perTask.get(name), first));
            System.out.printf("PAIRED %s minus %s, query MSE over the same %d test tasks: %.4f +- %.4f (95%% CI)%n",
                    name, names.get(0), r.episodes(), r.value(), r.ci95());
        }
    }

    /** Sum of query MSEs and count per family, and over all tasks under "all"; each task's MSE into {@code perTask}. */
    private static Map<String, double[]> score(Adapter adapter, TaskSource test, double[] perTask, long seed) {
        Map<String, double[]> out = new TreeMap<>();
        for (int i = 0; i < perTask.length; i++) {
            Task task = test.sample(Seeds.derive(seed, i));
            Predictor p = adapter.adapt(task.support(), task.type(), 1);
            INDArray d = p.predict(task.query().x()).castTo(DataType.DOUBLE)
                    .sub(task.query().y().castTo(DataType.DOUBLE));
            double mse = d.mul(d).meanNumber().doubleValue();
            perTask[i] = mse;
            for (String key : new String[] {"all", family(task)}) {
                double[] s = out.computeIfAbsent(key, k -> new double[2]);
                s[0] += mse;
                s[1]++;
            }
        }
        return out;
    }

    private static void printRates(TaskConditionedLearner learner, TaskSource test, int tasks, long seed) {
        Map<String, double[]> scales = new LinkedHashMap<>();
        Map<String, double[]> weights = new LinkedHashMap<>();
        Map<String, Integer> counts = new TreeMap<>();
        TaskConditionedLearner.ConditionedRates any = null;
        for (int i = 0; i < tasks; i++) {
            Task task = test.sample(Seeds.derive(seed, i));
            TaskConditionedLearner.ConditionedRates r = learner.rates(task.support(), task.type());
            any = r;
            String family = family(task);
            add(scales.computeIfAbsent(family, f -> new double[r.layerScale().length]), r.layerScale());
            add(weights.computeIfAbsent(family, f -> new double[r.stepWeights().length]), r.stepWeights());
            counts.merge(family, 1, Integer::sum);
        }
        for (String family : counts.keySet()) {
            int n = counts.get(family);
            StringBuilder line = new StringBuilder("RATES task-conditioned, " + family + " (" + n + " tasks):");
            for (int l = 0; l < any.layers().size(); l++) {
                line.append(String.format(" %s x%.3f;", any.layers().get(l), scales.get(family)[l] / n));
            }
            for (int s = 0; s < weights.get(family).length; s++) {
                line.append(String.format(" step %d x%.3f;", s + 1, weights.get(family)[s] / n));
            }
            System.out.println(line);
        }
    }

    private static void add(double[] sum, double[] values) {
        for (int i = 0; i < sum.length; i++) {
            sum[i] += values[i];
        }
    }

    /** The family a mixture task came from: the data set part of its domain. */
    private static String family(Task task) {
        return task.domain().substring(0, task.domain().indexOf('/'));
    }
}

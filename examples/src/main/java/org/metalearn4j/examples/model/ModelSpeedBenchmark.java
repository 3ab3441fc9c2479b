package org.metalearn4j.examples.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.metalearn4j.core.dataset.Dataset;
import org.metalearn4j.core.event.StepEvent;
import org.metalearn4j.core.learner.Learner;
import org.metalearn4j.core.task.EpisodeSpec;
import org.metalearn4j.core.task.TaskSource;
import org.metalearn4j.core.train.Evaluator;
import org.metalearn4j.core.train.LoopPlan;
import org.metalearn4j.core.train.LoopStart;
import org.metalearn4j.core.train.MetaTrainingLoop;
import org.metalearn4j.datasets.generated.GpCurvesProvider;
import org.metalearn4j.examples.Components;
import org.metalearn4j.examples.MainOptions;

/**
 * Speed of the model-based learners at the settings of their figures: seconds per training iteration (the median of
 * {@code --iterations} timed steps after {@code --warmup} untimed ones, as the training loop measures a step: sampling
 * the meta-batch and updating) and evaluation throughput (tasks per second adapted and predicted, over
 * {@code --eval-tasks} tasks). Neural processes on the GP protocol (meta-batch 16), hypernet and task-encoder on
 * sinusoid K = 10 (meta-batch 16), weightgen on omniglot-small 20-way 5-shot 5-query episodes (meta-batch 1, scored on
 * 5-way 1-shot), mann on omniglot-small 20x20 5-way 10-instance sequences (meta-batch 16). Prints one JSON object.
 *
 * <pre>
 * java -cp "examples/target/classes:$(cat examples/target/classpath.txt)" \
 *   org.metalearn4j.examples.model.ModelSpeedBenchmark --learners cnp,np,anp,hypernet,task-encoder,weightgen,mann
 * </pre>
 */
public final class ModelSpeedBenchmark {
    private ModelSpeedBenchmark() {
    }

    /** A learner's benchmark setting. */
    private record Setting(Dataset data, TaskSource train, TaskSource test, int ways, int metaBatch) {
    }

    public static void main(String[] argv) {
        MainOptions args = new MainOptions(argv, Map.of("learners", "cnp,np,anp,hypernet,task-encoder,weightgen,mann",
                "warmup", "5", "iterations", "30", "eval-tasks", "100", "seed", "1"));
        Map<String, Object> out = new LinkedHashMap<>();
        for (String name : args.list("learners")) {
            Setting s = setting(name);
            Learner learner = Components.learner(name, "", Components.context(s.data(), s.train(), s.ways(), 1));
            int warmup = args.integer("warmup");
            int timed = args.integer("iterations");
            List<Double> seconds = new ArrayList<>();
            new MetaTrainingLoop(learner, s.train(), LoopPlan.of(warmup + timed, s.metaBatch(), 1), "metric")
                    .events(event -> {
                        if (event instanceof StepEvent e && e.iteration() > warmup) {
                            seconds.add(e.stepSeconds());
                        }
                    })
                    .run(LoopStart.fresh(), () -> false);
            double[] sorted = seconds.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            int tasks = args.integer("eval-tasks");
            long start = System.nanoTime();
            Evaluator.evaluate(learner.adapter(), s.test(), tasks, 2);
            double evalSeconds = (System.nanoTime() - start) / 1e9;
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("metaBatch", s.metaBatch());
            e.put("secondsPerIteration", Json.round(sorted[sorted.length / 2]));
            e.put("secondsPerIterationMinMax", Arrays.asList(Json.round(sorted[0]),
                    Json.round(sorted[sorted.length - 1])));
            e.put("evalTasksPerSecond", Json.round(tasks / evalSeconds));
            out.put(name, e);
        }
        Json.print(out);
    }

    private static Setting setting(String learner) {
        return switch (learner) {
            case "cnp", "np", "anp" -> {
                Dataset gp = new GpCurvesProvider().open(GpCurvesProvider.npProtocol());
                EpisodeSpec spec = new EpisodeSpec(1, 47, 3);
                yield new Setting(gp, gp.episodes("meta-train", spec), gp.episodes("meta-test", spec), 1, 16);
            }
            case "weightgen" -> {
                Dataset omniglot = Components.dataset("omniglot-small", "");
                yield new Setting(omniglot, omniglot.episodes("meta-train", new EpisodeSpec(20, 5, 5)),
                        omniglot.episodes("meta-test", new EpisodeSpec(5, 1, 15)), 20, 1);
            }
            case "mann" -> {
                Dataset omniglot = Components.dataset("omniglot-small", "{\"imageSize\":20}");
                EpisodeSpec spec = new EpisodeSpec(5, 10, 1);
                yield new Setting(omniglot, omniglot.episodes("meta-train", spec), omniglot.episodes("meta-test",
                        spec), 5, 16);
            }
            default -> {
                Dataset sinusoid = Components.dataset("sinusoid", "");
                yield new Setting(sinusoid, sinusoid.episodes("meta-train", new EpisodeSpec(1, 10, 10)),
                        sinusoid.episodes("meta-test", new EpisodeSpec(1, 10, 100)), 1, 16);
            }
        };
    }
}

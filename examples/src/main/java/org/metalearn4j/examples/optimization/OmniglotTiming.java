package org.metalearn4j.examples.optimization;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.metalearn4j.core.dataset.Dataset;
import org.metalearn4j.core.event.StepEvent;
import org.metalearn4j.core.learner.Learner;
import org.metalearn4j.core.task.EpisodeSpec;
import org.metalearn4j.core.task.TaskSource;
import org.metalearn4j.core.train.LoopPlan;
import org.metalearn4j.core.train.LoopStart;
import org.metalearn4j.core.train.MetaTrainingLoop;
import org.metalearn4j.examples.Components;
import org.metalearn4j.examples.MainOptions;

/**
 * Milliseconds per MAML meta-iteration on {@code omniglot-small}, Conv4, 5-way 1-shot, 15 queries, meta-batch 32,
 * inner lr 0.4, for second and first order, with peak heap and off-heap memory. The iterations run in the shared
 * {@link MetaTrainingLoop}; a step's time includes sampling its meta-batch; the first iteration is a warm-up and is
 * not timed. {@code --task-threads 2} computes two tasks of the meta-batch at once (the learners' {@code taskThreads}).
 *
 * <pre>
 * java -cp "examples/target/classes:$(cat examples/target/classpath.txt)" \
 *   org.metalearn4j.examples.optimization.OmniglotTiming --iterations 3 --inner-steps 1 --orders second,first
 * </pre>
 */
public final class OmniglotTiming {
    private OmniglotTiming() {
    }

    public static void main(String[] argv) {
        MainOptions args = new MainOptions(argv, Map.of("iterations", "3", "inner-steps", "1", "orders", "second,first",
                "meta-batch", "32", "seed", "1", "task-threads", "1"));
        Dataset omniglot = Components.dataset("omniglot-small", "");
        TaskSource train = omniglot.episodes("meta-train", new EpisodeSpec(5, 1, 15));
        int metaBatch = args.integer("meta-batch");
        long seed = args.integer("seed");
        for (String order : args.list("orders")) {
            String learnerName = "second".equals(order) ? "maml" : "fomaml";
            String params = "{\"order\":\"" + order + "\",\"innerSteps\":" + args.integer("inner-steps")
                    + ",\"innerLr\":0.4,\"backbone\":{\"type\":\"conv4\"},\"taskThreads\":"
                    + args.integer("task-threads") + "}";
            Learner learner = Components.learner(learnerName, params, Components.context(omniglot, train, 5, seed));
            try (Memory memory = Memory.track()) {
                List<Double> stepMs = new ArrayList<>();
                new MetaTrainingLoop(learner, train, LoopPlan.of(args.integer("iterations") + 1, metaBatch, seed),
                        "accuracy").events(event -> {
                            if (event instanceof StepEvent e) {
                                boolean warmUp = e.iteration() == 1;
                                if (!warmUp) {
                                    stepMs.add(e.stepSeconds() * 1e3);
                                }
                                System.out.printf("%s order, inner steps %d, iteration %d: step %.0f ms, loss %.4f,"
                                        + " accuracy %.3f%s%n", order, args.integer("inner-steps"), e.iteration() - 1,
                                        e.stepSeconds() * 1e3, e.loss(), e.metric(), warmUp ? " (warm-up)" : "");
                            }
                        }).run(LoopStart.fresh(), () -> false);
                double mean = stepMs.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
                double min = stepMs.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
                System.out.printf("RESULT %s order, inner steps %d, meta-batch %d, task threads %d: %.0f ms per"
                        + " meta-iteration (min %.0f, %d timed); %s%n", order, args.integer("inner-steps"), metaBatch,
                        args.integer("task-threads"), mean, min, stepMs.size(), memory.summary());
            }
        }
    }
}

package org.metalearn4j.examples.optimization;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.metalearn4j.core.config.ConfigLoader;
import org.metalearn4j.core.config.RunConfig;
import org.metalearn4j.core.event.StepEvent;
import org.metalearn4j.core.plugin.PluginRegistry;
import org.metalearn4j.core.train.LoopPlan;
import org.metalearn4j.core.train.LoopStart;
import org.metalearn4j.core.train.MetaTrainingLoop;
import org.metalearn4j.core.train.RunComponents;
import org.metalearn4j.examples.MainOptions;

/**
 * Seconds per meta-iteration and peak memory of the learners as their example configs train them: each config of
 * {@code --configs} is opened as {@code metalearn train} opens it and runs {@code --iterations} timed iterations
 * after one warm-up in the shared {@link MetaTrainingLoop} (a step's time includes sampling its meta-batch). For a
 * learned optimizer's config the peak memory is that of its unrolled optimization.
 *
 * <pre>
 * java -cp "examples/target/classes:$(cat examples/target/classpath.txt)" \
 *   org.metalearn4j.examples.optimization.MetaIterationTiming --iterations 5 \
 *   --configs examples/configs/omniglot-maml.yaml,examples/configs/omniglot-lstm-meta-learner.yaml
 * </pre>
 * {@code --set key=value,key=value} overrides config keys of every run, as the CLI's {@code --set} does.
 */
public final class MetaIterationTiming {
    private MetaIterationTiming() {
    }

    public static void main(String[] argv) {
        MainOptions args = new MainOptions(argv, Map.of("configs", "examples/configs/omniglot-maml.yaml",
                "iterations", "5", "set", ""));
        List<String> overrides = args.string("set").isEmpty() ? List.of() : args.list("set");
        for (String file : args.list("configs")) {
            RunConfig config = ConfigLoader.load(Path.of(file), overrides);
            RunComponents run = RunComponents.open(config, PluginRegistry.classpath(), file);
            List<Double> seconds = new ArrayList<>();
            try (Memory memory = Memory.track()) {
                new MetaTrainingLoop(run.learner(), run.training(), LoopPlan.of(args.integer("iterations") + 1,
                        config.train().metaBatch(), config.seed()), run.metric()).events(event -> {
                            if (event instanceof StepEvent e) {
                                if (e.iteration() > 1) {
                                    seconds.add(e.stepSeconds());
                                }
                                System.out.printf("%s iteration %d: %.3f s, loss %.4f%s%n", config.learner().name(),
                                        e.iteration(), e.stepSeconds(), e.loss(), e.iteration() == 1 ? " (warm-up)"
                                                : "");
                            }
                        }).run(LoopStart.fresh(), () -> false);
                double mean = seconds.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
                System.out.printf("RESULT %s (%s, meta-batch %d): %.3f s per meta-iteration over %d; %s%n",
                        config.learner().name(), file, config.train().metaBatch(), mean, seconds.size(),
                        memory.summary());
            }
        }
    }
}

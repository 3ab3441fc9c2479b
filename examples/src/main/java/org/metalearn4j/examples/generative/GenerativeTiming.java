package org.metalearn4j.examples.generative;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.metalearn4j.core.config.ConfigMappers;
import org.metalearn4j.core.dataset.Dataset;
import org.metalearn4j.core.generate.ExampleGenerator;
import org.metalearn4j.core.generate.GenerativeLearner;
import org.metalearn4j.core.generate.GeneratorRun;
import org.metalearn4j.core.learner.Learner;
import org.metalearn4j.core.plugin.PluginRegistry;
import org.metalearn4j.core.task.ClassSets;
import org.metalearn4j.core.task.EpisodeSpec;
import org.metalearn4j.core.task.Seeds;
import org.metalearn4j.core.task.Task;
import org.metalearn4j.core.task.TaskSource;
import org.metalearn4j.examples.Components;
import org.metalearn4j.examples.MainOptions;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Speed of the generative learners on {@code omniglot-small}: images per second the few-shot generator samples
 * ({@code --generator} run, or a freshly initialised default {@code neural-statistician}: the network is the same
 * size), conditioned on 5 images of each of 20 characters, {@code --per-class} images each; and the median seconds
 * of a training iteration of {@code neural-statistician} (its example config: 20-way 5-shot 5-query, meta-batch 1),
 * of {@code maml} and {@code metagan} with the maml classifier (5-way 1-shot 15-query, meta-batch
 * {@code --meta-batch}, the settings of {@link MetaGanRun}), and of {@code protonet} and {@code metagan} with the
 * protonet classifier (5-way 1-shot 15-query, meta-batch 1). {@code --warmup} iterations are not timed.
 *
 * <pre>
 * java -cp "examples/target/classes:$(cat examples/target/classpath.txt)" \
 *   org.metalearn4j.examples.generative.GenerativeTiming --generator runs/ns
 * </pre>
 */
public final class GenerativeTiming {
    private GenerativeTiming() {
    }

    public static void main(String[] argv) throws Exception {
        MainOptions a = new MainOptions(argv, Map.of("generator", "", "per-class", "50", "repeats", "5",
                "iterations", "20", "warmup", "3", "meta-batch", "32", "seed", "1"));
        Dataset omniglot = Components.dataset("omniglot-small", "");
        long seed = a.integer("seed");
        ObjectNode out = ConfigMappers.plain().createObjectNode();

        ExampleGenerator generator = a.string("generator").isEmpty()
                ? ((GenerativeLearner) learner(omniglot, "neural-statistician", "", new EpisodeSpec(20, 5, 5), seed))
                .generator()
                : GeneratorRun.load(Path.of(a.string("generator")), PluginRegistry.classpath(), "--generator")
                .generator();
        Task characters = omniglot.episodes("meta-test", new EpisodeSpec(20, 5, 1)).sample(seed);
        INDArray supports = ClassSets.of(characters.support(), null, 20, DataType.FLOAT, characters.domain());
        int perClass = a.integer("per-class");
        generator.generate(supports, perClass, 0);
        double[] rates = new double[a.integer("repeats")];
        for (int r = 0; r < rates.length; r++) {
            long t0 = System.nanoTime();
            generator.generate(supports, perClass, r + 1);
            rates[r] = 20.0 * perClass / ((System.nanoTime() - t0) / 1e9);
        }
        out.putObject("sampling").put("imagesPerSecond", median(rates)).put("batch", "20 characters x " + perClass
                + " images, conditioned on 5 each").put("generator", a.string("generator").isEmpty()
                ? "fresh default neural-statistician" : a.string("generator"));

        ObjectNode iterations = out.putObject("secondsPerIteration");
        EpisodeSpec oneShot = new EpisodeSpec(5, 1, 15);
        int metaBatch = a.integer("meta-batch");
        iterations.put("neural-statistician", time(learner(omniglot, "neural-statistician", "",
                new EpisodeSpec(20, 5, 5), seed), omniglot, new EpisodeSpec(20, 5, 5), 1, a));
        for (String classifier : new String[] {"maml", "protonet"}) {
            int batch = "maml".equals(classifier) ? metaBatch : 1;
            iterations.put(classifier, time(learner(omniglot, classifier, MetaGanRun.defaultParams(classifier,
                    classifier), oneShot, seed), omniglot, oneShot, batch, a));
            iterations.put("metagan-" + classifier, time(learner(omniglot, "metagan", MetaGanRun.defaultParams(
                    "metagan", classifier), oneShot, seed), omniglot, oneShot, batch, a));
        }
        out.put("mamlMetaBatch", metaBatch);
        out.put("machine", Runtime.getRuntime().availableProcessors() + " cores, " + System.getProperty("os.arch"));
        System.out.println(ConfigMappers.json().writerWithDefaultPrettyPrinter().writeValueAsString(out));
    }

    private static Learner learner(Dataset data, String name, String params, EpisodeSpec spec, long seed) {
        return Components.learner(name, params, Components.context(data, data.episodes("meta-train", spec),
                spec.way(), seed));
    }

    private static double time(Learner learner, Dataset data, EpisodeSpec spec, int metaBatch, MainOptions a) {
        TaskSource tasks = data.episodes("meta-train", spec);
        int warmup = a.integer("warmup");
        double[] seconds = new double[a.integer("iterations")];
        for (int i = 0; i < warmup + seconds.length; i++) {
            List<Task> batch = new ArrayList<>();
            for (int j = 0; j < metaBatch; j++) {
                batch.add(tasks.sample(Seeds.derive(7, i, j)));
            }
            long t0 = System.nanoTime();
            learner.step(batch);
            if (i >= warmup) {
                seconds[i - warmup] = (System.nanoTime() - t0) / 1e9;
            }
        }
        return median(seconds);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}

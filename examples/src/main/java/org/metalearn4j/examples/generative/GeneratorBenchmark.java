package org.metalearn4j.examples.generative;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.metalearn4j.core.config.ConfigMappers;
import org.metalearn4j.core.dataset.Dataset;
import org.metalearn4j.core.generate.ExampleGenerator;
import org.metalearn4j.core.generate.GeneratedSupport;
import org.metalearn4j.core.learner.Adapter;
import org.metalearn4j.core.learner.Predictor;
import org.metalearn4j.core.model.ModelFile;
import org.metalearn4j.core.nn.Accuracy;
import org.metalearn4j.core.plugin.PluginRegistry;
import org.metalearn4j.core.task.ClassSets;
import org.metalearn4j.core.task.EpisodeSpec;
import org.metalearn4j.core.task.Seeds;
import org.metalearn4j.core.task.Task;
import org.metalearn4j.core.task.TaskSource;
import org.metalearn4j.examples.Components;
import org.metalearn4j.examples.MainOptions;
import org.metalearn4j.examples.MeanInterval;
import org.metalearn4j.model.generative.statistician.StatisticianLearner;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The few-shot generator's figures on {@code omniglot-small} meta-test characters (alphabets it never saw), from a
 * trained generator run ({@code --generator}, e.g. {@code metalearn train omniglot-neural-statistician.yaml}) and a
 * trained ProtoNet run ({@code --protonet}, the project's best ProtoNet):
 * <ol>
 *   <li>{@code generatedClassification}: on {@code --way}-way (20) K-shot episodes, ProtoNet adapted to the real
 *       support images classifies {@code --query} generated images per character (made by the generator from the
 *       same K images) and, for comparison, as many real held-out images: how recognisable generated characters
 *       are;</li>
 *   <li>{@code testElboPerPixel}: the generator's conditional ELBO per pixel of held-out images given K support
 *       images of their character (5-way episodes, {@code --elbo-samples} draws of the latents), a lower bound on
 *       their log-likelihood in nats;</li>
 *   <li>{@code augmentation}: ProtoNet's 5-way 1-shot accuracy on the same fixed episodes with and without
 *       {@code --generated} (5) generated examples per class added to every support set, and the paired
 *       difference.</li>
 * </ol>
 * Every set of episodes is fixed by {@code --eval-seed}; values are means with 95% intervals over episodes.
 *
 * <pre>
 * java -cp "examples/target/classes:$(cat examples/target/classpath.txt)" \
 *   org.metalearn4j.examples.generative.GeneratorBenchmark --generator runs/ns --protonet runs/proto
 * </pre>
 */
public final class GeneratorBenchmark {
    private GeneratorBenchmark() {
    }

    public static void main(String[] argv) throws Exception {
        MainOptions a = new MainOptions(argv, Map.ofEntries(Map.entry("generator", ""), Map.entry("protonet", ""),
                Map.entry("shots", "1,5"), Map.entry("way", "20"), Map.entry("query", "5"),
                Map.entry("episodes", "200"), Map.entry("elbo-samples", "10"), Map.entry("generated", "5"),
                Map.entry("eval-seed", "20261123")));
        PluginRegistry registry = PluginRegistry.classpath();
        ModelFile generatorRun = ModelFile.read(Path.of(required(a, "generator")), "--generator");
        ModelFile.Loaded generatorModel = generatorRun.load(registry);
        if (!(generatorModel.learner() instanceof StatisticianLearner statistician)) {
            throw new IllegalArgumentException("--generator: " + generatorRun.file() + " is a run of '"
                    + generatorModel.description().learner() + "', expected neural-statistician");
        }
        ExampleGenerator generator = statistician.generator();
        ModelFile protonetRun = ModelFile.read(Path.of(required(a, "protonet")), "--protonet");
        Adapter protonet = protonetRun.load(registry).learner().adapter();
        Dataset omniglot = Components.dataset("omniglot-small", "");
        int episodes = a.integer("episodes");
        long seed = Long.parseLong(a.string("eval-seed"));
        int query = a.integer("query");
        long pixels = Arrays.stream(generator.exampleShape()).reduce(1, Math::multiplyExact);

        ObjectNode out = ConfigMappers.plain().createObjectNode()
                .put("generator", generatorRun.file().toString())
                .put("generatorIteration", generatorRun.checkpoint().iteration())
                .put("protonet", protonetRun.file().toString())
                .put("protonetIteration", protonetRun.checkpoint().iteration())
                .put("split", "meta-test").put("episodes", episodes).put("evalSeed", seed);
        ObjectNode classification = out.putObject("generatedClassification");
        ObjectNode elbo = out.putObject("testElboPerPixel");
        for (String shotText : a.list("shots")) {
            int shot = Integer.parseInt(shotText);
            int way = a.integer("way");
            TaskSource source = omniglot.episodes("meta-test", new EpisodeSpec(way, shot, query));
            double[] real = new double[episodes];
            double[] generated = new double[episodes];
            for (int i = 0; i < episodes; i++) {
                Task task = source.sample(Seeds.derive(seed, i));
                Predictor predictor = protonet.adapt(task.support(), task.type(), task.ways());
                int[] labels = task.query().y().castTo(DataType.INT).toIntVector();
                real[i] = Accuracy.of(predictor.predict(task.query().x()), labels);
                INDArray samples = generator.generate(ClassSets.of(task.support(), null, way, DataType.FLOAT,
                        task.domain()), query, Seeds.derive(seed, 1, i));
                long[] shape = samples.shape();
                INDArray flat = samples.reshape(shape[0] * shape[1], shape[2], shape[3], shape[4]);
                // generated images come grouped by class like the query set, so the query labels fit them
                generated[i] = Accuracy.of(predictor.predict(flat), labels);
            }
            MeanInterval r = MeanInterval.of(real);
            MeanInterval g = MeanInterval.of(generated);
            classification.putObject(shot + "shot").put("way", way).put("perClass", query)
                    .put("realAccuracy", r.mean()).put("realCi95", r.ci95())
                    .put("generatedAccuracy", g.mean()).put("generatedCi95", g.ci95());

            TaskSource heldOut = omniglot.episodes("meta-test", new EpisodeSpec(5, shot, query));
            double[] perPixel = new double[episodes];
            for (int i = 0; i < episodes; i++) {
                perPixel[i] = statistician.queryElboPerPixel(heldOut.sample(Seeds.derive(seed, i)),
                        a.integer("elbo-samples"), Seeds.derive(seed, 2, i));
            }
            MeanInterval e = MeanInterval.of(perPixel);
            elbo.putObject(shot + "shot").put("nats", e.mean()).put("ci95", e.ci95())
                    .put("natsPerImage", e.mean() * pixels);
            System.err.printf("%d-shot done: real %.4f, generated %.4f, ELBO %.4f nats per pixel%n", shot, r.mean(),
                    g.mean(), e.mean());
        }

        TaskSource oneShot = omniglot.episodes("meta-test", new EpisodeSpec(5, 1, 15));
        double[] plain = EpisodeAccuracies.of(protonet, oneShot, episodes, seed);
        double[] augmented = EpisodeAccuracies.of(protonet, new GeneratedSupport(oneShot, generator,
                a.integer("generated")), episodes, seed);
        MeanInterval p = MeanInterval.of(plain);
        MeanInterval g = MeanInterval.of(augmented);
        MeanInterval d = MeanInterval.of(MeanInterval.differences(augmented, plain));
        out.putObject("augmentation").put("episode", "5-way 1-shot 15-query").put("generatedPerClass",
                        a.integer("generated"))
                .put("plain", p.mean()).put("plainCi95", p.ci95()).put("withGenerated", g.mean())
                .put("withGeneratedCi95", g.ci95()).put("difference", d.mean()).put("differenceCi95", d.ci95());
        out.put("machine", Runtime.getRuntime().availableProcessors() + " cores, " + System.getProperty("os.arch"));
        System.out.println(ConfigMappers.json().writerWithDefaultPrettyPrinter().writeValueAsString(out));
    }

    private static String required(MainOptions a, String key) {
        if (a.string(key).isEmpty()) {
            throw new IllegalArgumentException("--" + key + ": expected the run directory or checkpoint of a trained "
                    + key);
        }
        return a.string(key);
    }
}

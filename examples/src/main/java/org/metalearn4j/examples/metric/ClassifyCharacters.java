package org.metalearn4j.examples.metric;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.metalearn4j.core.checkpoint.CheckpointFile;
import org.metalearn4j.core.checkpoint.Provenance;
import org.metalearn4j.core.config.ComponentConfig;
import org.metalearn4j.core.config.ConfigLoader;
import org.metalearn4j.core.config.ConfigMappers;
import org.metalearn4j.core.config.EvalConfig;
import org.metalearn4j.core.config.RunConfig;
import org.metalearn4j.core.config.TrainConfig;
import org.metalearn4j.core.dataset.Dataset;
import org.metalearn4j.core.learner.Learner;
import org.metalearn4j.core.learner.LearnerContext;
import org.metalearn4j.core.learner.Predictor;
import org.metalearn4j.core.model.ModelDescription;
import org.metalearn4j.core.model.ModelFile;
import org.metalearn4j.core.plugin.PluginRegistry;
import org.metalearn4j.core.task.EpisodeSpec;
import org.metalearn4j.core.task.Examples;
import org.metalearn4j.core.task.TaskSource;
import org.metalearn4j.core.task.TaskType;
import org.metalearn4j.core.tensor.Softmax;
import org.metalearn4j.core.train.LoopResult;
import org.metalearn4j.core.train.TrainingCheckpoint;
import org.metalearn4j.datasets.image.InkImage;
import org.metalearn4j.examples.Components;
import org.metalearn4j.examples.MainOptions;
import org.metalearn4j.examples.apps.ApplicationMain;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One-shot classification of new handwritten characters: train a metric learner on {@code omniglot-small} (or load
 * the model file saved by an earlier run), then label every PNG in {@code --queries} with the most similar class of
 * {@code --examples}, a folder holding one PNG per class named after its label ({@code alpha.png}, {@code beta.png}).
 * Images are dark strokes on a light background, any size (resized to 28x28 like Omniglot). The saved model is a
 * model file like a {@code metalearn train} checkpoint, with the training configuration, so {@code metalearn eval},
 * {@code metalearn export} and {@code FewShotModel.load} read it too.
 *
 * <pre>
 * java -cp ... org.metalearn4j.examples.metric.ClassifyCharacters --examples chars/examples --queries chars/queries \
 *     --seconds 600 --model protonet.ml4j
 * </pre>
 */
public final class ClassifyCharacters {
    private static final int SIZE = 28;
    private static final int WAY = 20;
    private static final String DATASET = "omniglot-small";

    private ClassifyCharacters() {
    }

    public static void main(String[] args) {
        ApplicationMain.run(args, Map.of("learner", "protonet", "seconds", "600", "model", "", "examples", "",
                "queries", "", "seed", "1"), ClassifyCharacters::classify);
    }

    private static void classify(MainOptions a) throws IOException {
        List<Path> examples = pngs(Path.of(a.required("examples")));
        List<Path> queries = pngs(Path.of(a.required("queries")));
        Learner learner = trainedLearner(a);

        long[] labels = new long[examples.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = i;
        }
        Predictor predictor = learner.adapter().adapt(new Examples(images(examples), Nd4j.createFromArray(labels)),
                TaskType.CLASSIFICATION, examples.size());
        INDArray probabilities = Softmax.probabilities(predictor.predict(images(queries)).castTo(DataType.DOUBLE), 1);
        for (int q = 0; q < queries.size(); q++) {
            int best = probabilities.getRow(q).argMax().getInt(0);
            System.out.printf(Locale.ROOT, "%s -> %s (p=%.3f)%n", queries.get(q).getFileName(),
                    label(examples.get(best)), probabilities.getDouble(q, best));
        }
    }

    /** Loads {@code --model} when it exists; otherwise trains for {@code --seconds} and saves there if given. */
    private static Learner trainedLearner(MainOptions a) {
        Path model = a.string("model").isEmpty() ? null : Path.of(a.string("model"));
        if (model != null && Files.exists(model)) {
            Learner learner = ModelFile.read(model).load(PluginRegistry.classpath()).learner();
            System.err.println("loaded " + model);
            return learner;
        }
        Dataset data = Components.dataset(DATASET, "");
        long seed = a.integer("seed");
        EpisodeSpec spec = new EpisodeSpec(WAY, 5, 5);
        TaskSource training = data.episodes("meta-train", spec);
        LearnerContext context = Components.context(data, training, WAY, seed);
        Learner learner = Components.learner(a.string("learner"), "", context);
        LoopResult run = TimedTraining.train(learner, data, spec, a.number("seconds"), seed);
        System.err.printf(Locale.ROOT, "trained %d episodes in %.0f s%n", run.iteration(), run.trainSeconds());
        if (model != null) {
            RunConfig config = trainingConfig(a.string("learner"), seed, spec, run.iteration());
            CheckpointFile.write(model, TrainingCheckpoint.of(learner, run.iteration(), List.of(),
                    ConfigLoader.toJson(config), Provenance.current(seed)).withModel(ModelDescription.of(
                    a.string("learner"), ConfigMappers.plain().createObjectNode(), data, context)));
            System.err.println("saved " + model);
        }
        return learner;
    }

    /** What {@code metalearn train} would be given to train the same learner on the same episodes. */
    private static RunConfig trainingConfig(String learner, long seed, EpisodeSpec spec, int iterations) {
        TrainConfig d = TrainConfig.defaults();
        return new RunConfig(seed, "auto", null, ComponentConfig.named(DATASET), ComponentConfig.named(learner),
                new TrainConfig(Math.max(1, iterations), 1, spec.way(), spec.shot(), spec.query(), d.split(),
                        d.checkpointEvery(), d.evalEvery(), d.keepCheckpoints()), EvalConfig.defaults(), null);
    }

    private static List<Path> pngs(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException(dir + ": not a directory");
        }
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> out = files.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png"))
                    .sorted().toList();
            if (out.isEmpty()) {
                throw new IllegalArgumentException(dir + ": contains no .png files");
            }
            return out;
        }
    }

    private static INDArray images(List<Path> files) {
        float[] all = new float[files.size() * SIZE * SIZE];
        for (int i = 0; i < files.size(); i++) {
            try {
                float[] ink = InkImage.decode(Files.readAllBytes(files.get(i)), SIZE, files.get(i).toString());
                System.arraycopy(ink, 0, all, i * SIZE * SIZE, SIZE * SIZE);
            } catch (IOException e) {
                throw new UncheckedIOException(files.get(i) + ": cannot read", e);
            }
        }
        return Nd4j.create(all, new long[] {files.size(), 1, SIZE, SIZE}, 'c');
    }

    private static String label(Path example) {
        String name = example.getFileName().toString();
        return name.substring(0, name.length() - ".png".length());
    }
}

package org.metalearn4j.core.model;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.metalearn4j.core.checkpoint.CheckpointException;
import org.metalearn4j.core.checkpoint.Provenance;
import org.metalearn4j.core.image.ImageFormat;
import org.metalearn4j.core.learner.Adapter;
import org.metalearn4j.core.plugin.PluginRegistry;
import org.metalearn4j.core.spi.ProviderRegistry;
import org.metalearn4j.core.task.Examples;
import org.metalearn4j.core.task.TaskType;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A trained model loaded from its file alone, for applications: adapt it to a few labelled examples, then predict.
 *
 * <pre>{@code
 * FewShotModel model = FewShotModel.load(Path.of("runs/proto"));
 * FewShotClassifier classifier = model.adaptToFiles(Map.of(
 *         "alpha", List.of(Path.of("a1.png")), "beta", List.of(Path.of("b1.png"))));
 * Prediction p = classifier.predict(Path.of("query.png"));   // p.label(), p.probabilities()
 * }</pre>
 *
 * The learner's providers must be on the class path (or in {@code registry}); the training data set is not needed.
 * A model and the classifiers and regressors adapted from it are safe to use from several threads at once: adapting
 * reads the trained parameters only, and each adapted predictor is immutable.
 */
public final class FewShotModel {
    private final String file;
    private final ModelDescription description;
    private final Provenance provenance;
    private final Adapter adapter;

    private FewShotModel(String file, ModelDescription description, Provenance provenance, Adapter adapter) {
        this.file = file;
        this.description = description;
        this.provenance = provenance;
        this.adapter = adapter;
    }

    /**
     * Loads a model file, a pipeline stage directory's artifact or a run directory's newest good checkpoint (see
     * {@link ModelFile#read}) with the class path's providers.
     */
    public static FewShotModel load(Path fileOrRunDir) {
        return load(fileOrRunDir, PluginRegistry.classpath());
    }

    /**
     * Loads a model file, a pipeline stage directory's artifact or a run directory's newest good checkpoint with the
     * learners and backbones of {@code registry} (plugin JARs included, see {@link PluginRegistry#discover}).
     *
     * @throws CheckpointException naming the file if it is missing, corrupt, in an old format, not a model or holds
     *                             no learner
     */
    public static FewShotModel load(Path fileOrRunDir, ProviderRegistry registry) {
        ModelFile file = ModelFile.read(fileOrRunDir);
        ModelFile.Loaded loaded = file.load(registry);
        return new FewShotModel(file.file().toString(), loaded.description(), file.checkpoint().provenance(),
                loaded.learner().adapter());
    }

    /** What the model is: learner, input shape, preprocessing. */
    public ModelDescription description() {
        return description;
    }

    /** How the model was made: library versions, commit, time, seed. */
    public Provenance provenance() {
        return provenance;
    }

    /**
     * Adapts to image files, prepared as the training images were ({@link ModelDescription#image()}).
     *
     * @param support label to its example images, in the order the labels should be listed
     */
    public FewShotClassifier adaptToFiles(Map<String, List<Path>> support) {
        return adaptTo(support, this::image);
    }

    /** Adapts to images, prepared as the training images were. */
    public FewShotClassifier adaptToImages(Map<String, List<BufferedImage>> support) {
        return adaptTo(support, this::image);
    }

    /** Adapts to examples given as values, each {@link ModelDescription#exampleSize()} long, row-major. */
    public FewShotClassifier adaptToArrays(Map<String, List<float[]>> support) {
        return adaptTo(support, x -> x);
    }

    /**
     * Adapts a regression model to support points: {@code x[i]} has {@link ModelDescription#exampleSize()} values,
     * {@code y[i]} has {@link ModelDescription#outputs()}.
     */
    public FewShotRegressor adaptToPoints(double[][] x, double[][] y) {
        require(TaskType.REGRESSION);
        if (x.length == 0 || x.length != y.length) {
            throw new IllegalArgumentException("a support set needs as many targets as inputs and at least one point,"
                    + " got " + x.length + " inputs and " + y.length + " targets");
        }
        float[] values = new float[x.length * description.exampleSize()];
        float[] targets = new float[y.length * description.outputs()];
        for (int i = 0; i < x.length; i++) {
            System.arraycopy(example(toFloats(x[i])), 0, values, i * description.exampleSize(),
                    description.exampleSize());
            if (y[i].length != description.outputs()) {
                throw new IllegalArgumentException("support target " + i + " has " + y[i].length + " values, this"
                        + " model predicts " + description.outputs());
            }
            System.arraycopy(toFloats(y[i]), 0, targets, i * description.outputs(), description.outputs());
        }
        Examples examples = new Examples(Nd4j.create(values, batchShape(x.length), DataType.FLOAT),
                Nd4j.create(targets, new long[] {y.length, description.outputs()}, DataType.FLOAT));
        return new FewShotRegressor(this, adapter.adapt(examples, TaskType.REGRESSION, 1));
    }

    private <T> FewShotClassifier adaptTo(Map<String, List<T>> support, Function<T, float[]> prepare) {
        require(TaskType.CLASSIFICATION);
        if (support.size() < 2) {
            throw new IllegalArgumentException("a support set needs at least two labels, got " + support.keySet());
        }
        List<String> labels = new ArrayList<>(support.keySet());
        List<float[]> rows = new ArrayList<>();
        List<Long> classes = new ArrayList<>();
        for (int c = 0; c < labels.size(); c++) {
            List<T> examples = support.get(labels.get(c));
            if (examples == null || examples.isEmpty()) {
                throw new IllegalArgumentException("label '" + labels.get(c) + "' has no support examples");
            }
            for (T example : examples) {
                rows.add(example(prepare.apply(example)));
                classes.add((long) c);
            }
        }
        Examples examples = new Examples(batch(rows), Nd4j.createFromArray(classes.stream().mapToLong(Long::longValue)
                .toArray()));
        return new FewShotClassifier(this, List.copyOf(labels), adapter.adapt(examples, TaskType.CLASSIFICATION,
                labels.size()));
    }

    /** Examples as one batch {@code [n, inputShape...]}. */
    INDArray batch(List<float[]> rows) {
        int size = description.exampleSize();
        float[] values = new float[rows.size() * size];
        for (int i = 0; i < rows.size(); i++) {
            System.arraycopy(example(rows.get(i)), 0, values, i * size, size);
        }
        return Nd4j.create(values, batchShape(rows.size()), DataType.FLOAT);
    }

    /** {@code values} checked against the model's example size. */
    float[] example(float[] values) {
        if (values.length != description.exampleSize()) {
            throw new IllegalArgumentException("an example of this model has " + description.exampleSize()
                    + " values (shape " + Arrays.toString(description.inputShape()) + "), got " + values.length);
        }
        return values;
    }

    /** An image file prepared as the training images were. */
    float[] image(Path image) {
        return imageFormat().values(image);
    }

    /** An image prepared as the training images were. */
    float[] image(BufferedImage image) {
        return imageFormat().values(image);
    }

    static float[] toFloats(double[] values) {
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (float) values[i];
        }
        return out;
    }

    private ImageFormat imageFormat() {
        if (description.image() == null) {
            throw new IllegalArgumentException("model " + file + " was trained on data set '" + description.dataset()
                    + "', whose examples are not images (shape " + Arrays.toString(description.inputShape())
                    + "); give examples as arrays");
        }
        return description.image();
    }

    private long[] batchShape(int n) {
        long[] shape = description.inputShape();
        long[] batch = new long[shape.length + 1];
        batch[0] = n;
        System.arraycopy(shape, 0, batch, 1, shape.length);
        return batch;
    }

    private void require(TaskType type) {
        if (description.type() != type) {
            throw new IllegalArgumentException("model " + file + " is a " + description.type().name().toLowerCase()
                    + " model (learner " + description.learner() + " on " + description.dataset() + "); use "
                    + (description.type() == TaskType.REGRESSION ? "adaptToPoints" : "adaptToFiles, adaptToImages or"
                    + " adaptToArrays"));
        }
    }

    /** Label order of a classifier's probabilities: as the support map listed them. */
    static Map<String, Double> probabilities(List<String> labels, double[] p) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (int c = 0; c < labels.size(); c++) {
            out.put(labels.get(c), p[c]);
        }
        return out;
    }
}

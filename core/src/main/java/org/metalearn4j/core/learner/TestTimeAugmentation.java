package org.metalearn4j.core.learner;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.metalearn4j.core.dataset.Dataset;
import org.metalearn4j.core.spi.ConfigException;
import org.metalearn4j.core.task.Examples;
import org.metalearn4j.core.task.Seeds;
import org.metalearn4j.core.task.Task;
import org.metalearn4j.core.task.TaskSource;
import org.metalearn4j.core.task.TaskType;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Test-time augmentation around any adapter: the support set gains {@code views} transformed copies of every example
 * (same labels), and a query's prediction is the mean, over the untouched queries and {@code views} transformed
 * copies, of the class probabilities the adapted predictor gives (outputs for regression). The copies are drawn by a
 * task transform, in practice the data set's own meta-train augmentation ({@link Dataset#augmentation}), from seeds
 * derived from {@code seed}, so an evaluation stays a pure function of its seeds.
 */
public final class TestTimeAugmentation implements Adapter {
    private static final long SUPPORT = 0;
    private static final long QUERY = 1;

    private final Adapter inner;
    private final UnaryOperator<TaskSource> transform;
    private final int views;
    private final long seed;

    /**
     * @param transform wraps a task source in the augmentation, as a data set's split transform does
     * @param views     augmented copies per example, at least 1
     */
    public TestTimeAugmentation(Adapter inner, UnaryOperator<TaskSource> transform, int views, long seed) {
        if (views < 1) {
            throw new IllegalArgumentException("test-time augmentation: views must be >= 1, got " + views);
        }
        this.inner = inner;
        this.transform = transform;
        this.views = views;
        this.seed = seed;
    }

    /**
     * {@code adapter} with {@code views} augmented views drawn by {@code dataset}'s augmentation of {@code split}, or
     * {@code adapter} itself when {@code views} is 0.
     *
     * @throws ConfigException naming {@code eval.views} when views are asked for but the split is not augmented
     */
    public static Adapter around(Adapter adapter, Dataset dataset, String split, int views, long seed) {
        return views == 0 ? adapter : new TestTimeAugmentation(adapter, transform(dataset, split), views, seed);
    }

    /**
     * Checks, before any training, that {@link #around} can draw {@code views} views of {@code split}.
     *
     * @throws ConfigException naming {@code eval.views} when views are asked for but the split is not augmented
     */
    public static void check(Dataset dataset, String split, int views) {
        if (views > 0) {
            transform(dataset, split);
        }
    }

    private static UnaryOperator<TaskSource> transform(Dataset dataset, String split) {
        return dataset.augmentation(split).orElseThrow(() -> new ConfigException("eval.views", "test-time"
                + " augmentation draws its views as the '" + split + "' episodes are augmented, but data set '"
                + dataset.name() + "' does not augment them; set its augmentation parameters (e.g."
                + " dataset.params.trainShift) or views: 0"));
    }

    @Override
    public Predictor adapt(Examples support, TaskType type, int ways) {
        List<INDArray> x = new ArrayList<>(List.of(support.x()));
        List<INDArray> y = new ArrayList<>(List.of(support.y()));
        for (int v = 1; v <= views; v++) {
            x.add(view(support.x(), Seeds.derive(seed, SUPPORT, v)));
            y.add(support.y());
        }
        Predictor predictor = inner.adapt(new Examples(Nd4j.concat(0, x.toArray(INDArray[]::new)),
                Nd4j.concat(0, y.toArray(INDArray[]::new))), type, ways);
        return queries -> {
            List<INDArray> predictions = new ArrayList<>(views + 1);
            predictions.add(predictor.predict(queries));
            for (int v = 1; v <= views; v++) {
                predictions.add(predictor.predict(view(queries, Seeds.derive(seed, QUERY, v))));
            }
            return MeanPrediction.of(predictions, type);
        };
    }

    /** {@code x} through the transform: the support set of a one-class episode made of {@code x} alone. */
    private INDArray view(INDArray x, long viewSeed) {
        Examples examples = new Examples(x, Nd4j.zeros(DataType.LONG, x.size(0)));
        Task task = new Task(examples, examples, TaskType.CLASSIFICATION, 1, (int) x.size(0), "test-time view");
        return transform.apply(s -> task).sample(viewSeed).support().x();
    }
}

package org.metalearn4j.core.train.testing;

import java.util.List;
import java.util.SplittableRandom;
import org.metalearn4j.core.dataset.Dataset;
import org.metalearn4j.core.dataset.DatasetException;
import org.metalearn4j.core.task.EpisodeSpec;
import org.metalearn4j.core.task.Examples;
import org.metalearn4j.core.task.Seeds;
import org.metalearn4j.core.task.Task;
import org.metalearn4j.core.task.TaskSource;
import org.metalearn4j.core.task.TaskType;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Isotropic Gaussian blobs around class centres drawn from a seed; episodes pick {@code way} classes of a split and
 * sample {@code shot + query} points of each. Inputs are float64 so gradient checks are exact enough.
 */
public final class BlobsDataset implements Dataset {
    private static final List<String> SPLITS = List.of("meta-train", "meta-test");

    private final BlobsConfig config;

    public BlobsDataset(BlobsConfig config) {
        this.config = config;
    }

    @Override
    public String name() {
        return BlobsDatasetProvider.NAME;
    }

    @Override
    public TaskType type() {
        return TaskType.CLASSIFICATION;
    }

    @Override
    public long[] inputShape() {
        return new long[]{config.dims()};
    }

    @Override
    public List<String> splits() {
        return SPLITS;
    }

    @Override
    public TaskSource episodes(String split, EpisodeSpec spec) {
        int splitIndex = SPLITS.indexOf(split);
        if (splitIndex < 0) {
            throw new DatasetException("test-blobs has no split '" + split + "'; available: " + SPLITS);
        }
        int classes = splitIndex == 0 ? config.trainClasses() : config.testClasses();
        if (spec.way() > classes) {
            throw new DatasetException("test-blobs split '" + split + "' has " + classes + " classes, asked for "
                    + spec.way() + " ways");
        }
        return seed -> sample(splitIndex, classes, spec, seed);
    }

    private Task sample(int splitIndex, int classes, EpisodeSpec spec, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int[] order = new int[classes];
        for (int i = 0; i < classes; i++) {
            order[i] = i;
        }
        for (int i = classes - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int d = config.dims();
        int ns = spec.way() * spec.shot();
        int nq = spec.way() * spec.query();
        double[] xs = new double[ns * d];
        double[] xq = new double[nq * d];
        int[] ys = new int[ns];
        int[] yq = new int[nq];
        for (int k = 0; k < spec.way(); k++) {
            double[] centre = centre(splitIndex, order[k]);
            for (int i = 0; i < spec.shot(); i++) {
                point(centre, rnd, xs, (k * spec.shot() + i) * d);
                ys[k * spec.shot() + i] = k;
            }
            for (int i = 0; i < spec.query(); i++) {
                point(centre, rnd, xq, (k * spec.query() + i) * d);
                yq[k * spec.query() + i] = k;
            }
        }
        return new Task(
                new Examples(Nd4j.create(xs, new long[]{ns, d}, DataType.DOUBLE), Nd4j.createFromArray(ys)),
                new Examples(Nd4j.create(xq, new long[]{nq, d}, DataType.DOUBLE), Nd4j.createFromArray(yq)),
                TaskType.CLASSIFICATION, spec.way(), spec.shot(), "test-blobs/" + SPLITS.get(splitIndex));
    }

    private double[] centre(int splitIndex, int cls) {
        SplittableRandom rnd = new SplittableRandom(Seeds.derive(config.seed(), splitIndex, cls));
        double[] c = new double[config.dims()];
        for (int i = 0; i < c.length; i++) {
            c[i] = 3 * rnd.nextGaussian();
        }
        return c;
    }

    private void point(double[] centre, SplittableRandom rnd, double[] out, int offset) {
        for (int i = 0; i < centre.length; i++) {
            out[offset + i] = centre[i] + config.spread() * rnd.nextGaussian();
        }
    }
}

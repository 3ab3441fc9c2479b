package org.metalearn4j.datasets.episode;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.metalearn4j.core.dataset.DatasetException;
import org.metalearn4j.core.task.Examples;
import org.metalearn4j.core.task.Task;
import org.metalearn4j.core.task.TaskSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A task transform that redraws every support and query image of an episode on its own random draw: the common part
 * of {@link RandomShift}, {@link RandomWarp}, {@link RandomThickness} and {@link RandomElastic}. The draws come from a random stream seeded with the episode seed
 * mixed with the transform's own constant, so the transform stays a pure function of the seed and its draws repeat
 * neither the wrapped source's nor another transform's. Labels and episode layout are untouched.
 */
abstract class ImageTransform implements TaskSource {
    private final TaskSource source;
    private final long stream;

    /**
     * @param source episodes to transform
     * @param stream constant mixed into the episode seed, distinct for each kind of transform
     */
    ImageTransform(TaskSource source, long stream) {
        this.source = source;
        this.stream = stream;
    }

    /** Whether the transform leaves every image as it is (the episode is then passed through untouched). */
    abstract boolean isIdentity();

    /**
     * Checks the transform fits {@code height x width} images; any size fits unless a transform says otherwise.
     *
     * @throws DatasetException naming {@code domain} when it does not
     */
    void checkSize(int height, int width, String domain) {
    }

    /**
     * Draws this example's transform from {@code random} and writes its {@code channels} planes, starting at
     * {@code base} in {@code in}, transformed into {@code out} (all zeros on entry); every channel moves alike.
     */
    abstract void apply(double[] in, double[] out, int base, int channels, int height, int width,
                        SplittableRandom random);

    @Override
    public final Task sample(long seed) {
        Task task = source.sample(seed);
        if (isIdentity()) {
            return task;
        }
        SplittableRandom random = new SplittableRandom(seed ^ stream);
        return new Task(transform(task.support(), random, task.domain()),
                transform(task.query(), random, task.domain()), task.type(), task.ways(), task.shots(), task.domain());
    }

    private Examples transform(Examples examples, SplittableRandom random, String domain) {
        INDArray x = examples.x();
        long[] shape = x.shape();
        if (shape.length != 4) {
            throw new DatasetException(domain + ": " + getClass().getSimpleName()
                    + " needs image examples [n, channels, height, width], got " + Arrays.toString(shape));
        }
        int n = (int) shape[0];
        int channels = (int) shape[1];
        int height = (int) shape[2];
        int width = (int) shape[3];
        checkSize(height, width, domain);
        double[] in = x.reshape('c', new long[] {x.length()}).toDoubleVector();
        double[] out = new double[in.length];
        for (int example = 0; example < n; example++) {
            apply(in, out, example * channels * height * width, channels, height, width, random);
        }
        return new Examples(Nd4j.create(out, shape, x.dataType()), examples.y());
    }

    /** The plane at {@code base} read at a fractional position, bilinearly, zero (no ink) outside it. */
    static double bilinear(double[] in, int base, int height, int width, double y, double x) {
        int y0 = (int) Math.floor(y);
        int x0 = (int) Math.floor(x);
        double fy = y - y0;
        double fx = x - x0;
        return (1 - fy) * ((1 - fx) * pixel(in, base, height, width, y0, x0) + fx * pixel(in, base, height, width,
                y0, x0 + 1))
                + fy * ((1 - fx) * pixel(in, base, height, width, y0 + 1, x0)
                + fx * pixel(in, base, height, width, y0 + 1, x0 + 1));
    }

    /** The pixel at row {@code y}, column {@code x} of the plane at {@code base}, zero outside it. */
    static double pixel(double[] in, int base, int height, int width, int y, int x) {
        return y < 0 || y >= height || x < 0 || x >= width ? 0 : in[base + y * width + x];
    }
}

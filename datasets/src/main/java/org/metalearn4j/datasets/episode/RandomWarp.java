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
 * A task transform that rotates and scales every support and query image of an episode about the image centre by its
 * own random angle (uniform in {@code [-maxDegrees, maxDegrees]}) and factor (uniform in
 * {@code [1 - maxScale, 1 + maxScale]}), sampling bilinearly and filling what comes in from outside with zeros (no
 * ink). It complements {@link RandomShift} (compose the two for a random similarity transform): a pen stroke drawn
 * by another hand is tilted and sized a little differently, not only placed elsewhere.
 *
 * <p>A pure function of the seed, like every {@link TaskSource}: the draws come from a random stream seeded with the
 * episode seed, apart from the streams of the wrapped source and of {@link RandomShift}. Labels and episode layout
 * are untouched. Examples must be images {@code [n, channels, height, width]}; all channels of an image move together.
 */
public final class RandomWarp implements TaskSource {
    /** Mixed into the episode seed so the draws repeat neither the wrapped source's nor {@link RandomShift}'s. */
    private static final long WARP_STREAM = 0xbb67ae8584caa73bL;

    private final TaskSource source;
    private final double maxRadians;
    private final double maxScale;

    /**
     * @param source     episodes to transform
     * @param maxDegrees largest rotation either way in degrees, in {@code [0, 180]}
     * @param maxScale   largest relative change of size, in {@code [0, 1)}; 0.1 draws factors from 0.9 to 1.1
     * @throws IllegalArgumentException when a bound is outside its range
     */
    public RandomWarp(TaskSource source, double maxDegrees, double maxScale) {
        if (!(maxDegrees >= 0 && maxDegrees <= 180)) {
            throw new IllegalArgumentException("RandomWarp: maxDegrees must be in [0, 180], got " + maxDegrees);
        }
        if (!(maxScale >= 0 && maxScale < 1)) {
            throw new IllegalArgumentException("RandomWarp: maxScale must be in [0, 1), got " + maxScale);
        }
        this.source = source;
        this.maxRadians = Math.toRadians(maxDegrees);
        this.maxScale = maxScale;
    }

    @Override
    public Task sample(long seed) {
        Task task = source.sample(seed);
        if (maxRadians == 0 && maxScale == 0) {
            return task;
        }
        SplittableRandom random = new SplittableRandom(seed ^ WARP_STREAM);
        return new Task(warp(task.support(), random, task.domain()), warp(task.query(), random, task.domain()),
                task.type(), task.ways(), task.shots(), task.domain());
    }

    private Examples warp(Examples examples, SplittableRandom random, String domain) {
        INDArray x = examples.x();
        long[] shape = x.shape();
        if (shape.length != 4) {
            throw new DatasetException(domain + ": RandomWarp needs image examples [n, channels, height, width], got "
                    + Arrays.toString(shape));
        }
        int n = (int) shape[0];
        int channels = (int) shape[1];
        int height = (int) shape[2];
        int width = (int) shape[3];
        double[] in = x.reshape('c', new long[] {x.length()}).toDoubleVector();
        double[] out = new double[in.length];
        int plane = height * width;
        for (int example = 0; example < n; example++) {
            double angle = maxRadians == 0 ? 0 : random.nextDouble(-maxRadians, maxRadians);
            double scale = maxScale == 0 ? 1 : random.nextDouble(1 - maxScale, 1 + maxScale);
            for (int c = 0; c < channels; c++) {
                resample(in, out, (example * channels + c) * plane, height, width, angle, scale);
            }
        }
        return new Examples(Nd4j.create(out, shape, x.dataType()), examples.y());
    }

    /**
     * Writes the plane at {@code base} rotated by {@code angle} and scaled by {@code scale} about its centre: each
     * output pixel reads the input at the inversely transformed position.
     */
    private static void resample(double[] in, double[] out, int base, int height, int width, double angle,
                                 double scale) {
        double cy = (height - 1) / 2.0;
        double cx = (width - 1) / 2.0;
        double cos = Math.cos(angle) / scale;
        double sin = Math.sin(angle) / scale;
        for (int row = 0; row < height; row++) {
            double oy = row - cy;
            for (int col = 0; col < width; col++) {
                double ox = col - cx;
                double sy = cos * oy - sin * ox + cy;
                double sx = sin * oy + cos * ox + cx;
                out[base + row * width + col] = bilinear(in, base, height, width, sy, sx);
            }
        }
    }

    /** The plane at {@code base} read at a fractional position, zero outside it. */
    private static double bilinear(double[] in, int base, int height, int width, double y, double x) {
        int y0 = (int) Math.floor(y);
        int x0 = (int) Math.floor(x);
        double fy = y - y0;
        double fx = x - x0;
        return (1 - fy) * ((1 - fx) * pixel(in, base, height, width, y0, x0) + fx * pixel(in, base, height, width,
                y0, x0 + 1))
                + fy * ((1 - fx) * pixel(in, base, height, width, y0 + 1, x0)
                + fx * pixel(in, base, height, width, y0 + 1, x0 + 1));
    }

    private static double pixel(double[] in, int base, int height, int width, int y, int x) {
        return y < 0 || y >= height || x < 0 || x >= width ? 0 : in[base + y * width + x];
    }
}

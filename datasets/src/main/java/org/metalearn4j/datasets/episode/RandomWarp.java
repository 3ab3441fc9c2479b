package org.metalearn4j.datasets.episode;

import java.util.SplittableRandom;
import org.metalearn4j.core.task.TaskSource;

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
public final class RandomWarp extends ImageTransform {
    /** Mixed into the episode seed so the draws repeat neither the wrapped source's nor {@link RandomShift}'s. */
    private static final long WARP_STREAM = 0xbb67ae8584caa73bL;

    private final double maxRadians;
    private final double maxScale;

    /**
     * @param source     episodes to transform
     * @param maxDegrees largest rotation either way in degrees, in {@code [0, 180]}
     * @param maxScale   largest relative change of size, in {@code [0, 1)}; 0.1 draws factors from 0.9 to 1.1
     * @throws IllegalArgumentException when a bound is outside its range
     */
    public RandomWarp(TaskSource source, double maxDegrees, double maxScale) {
        super(source, WARP_STREAM);
        if (!(maxDegrees >= 0 && maxDegrees <= 180)) {
            throw new IllegalArgumentException("RandomWarp: maxDegrees must be in [0, 180], got " + maxDegrees);
        }
        if (!(maxScale >= 0 && maxScale < 1)) {
            throw new IllegalArgumentException("RandomWarp: maxScale must be in [0, 1), got " + maxScale);
        }
        this.maxRadians = Math.toRadians(maxDegrees);
        this.maxScale = maxScale;
    }

    @Override
    boolean isIdentity() {
        return maxRadians == 0 && maxScale == 0;
    }

    @Override
    void apply(double[] in, double[] out, int base, int channels, int height, int width, SplittableRandom random) {
        double angle = maxRadians == 0 ? 0 : random.nextDouble(-maxRadians, maxRadians);
        double scale = maxScale == 0 ? 1 : random.nextDouble(1 - maxScale, 1 + maxScale);
        int plane = height * width;
        for (int c = 0; c < channels; c++) {
            resample(in, out, base + c * plane, height, width, angle, scale);
        }
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
}

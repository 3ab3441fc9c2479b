package org.metalearn4j.datasets.episode;

import java.util.SplittableRandom;
import org.metalearn4j.core.task.TaskSource;

/**
 * A task transform that makes the strokes of every support and query image of an episode thicker or thinner by its
 * own random amount {@code a}, uniform in {@code [-maxAmount, maxAmount]}: the image moves the fraction {@code |a|}
 * of the way towards its grey-scale dilation (the maximum over each pixel's 3x3 neighbourhood) when {@code a > 0},
 * towards its erosion (the minimum) when {@code a < 0}. At {@code |a| = 1} every stroke grows or shrinks by a pixel
 * on each side: one person's pen is broader than another's. Outside the image is paper (zero).
 *
 * <p>A pure function of the seed like every {@link TaskSource}: the draws come from a random stream seeded with the
 * episode seed, apart from the wrapped source's and the other transforms' streams. Labels and episode layout are
 * untouched; every channel of an image changes alike.
 */
public final class RandomThickness extends ImageTransform {
    /** Mixed into the episode seed so the draws repeat no other transform's. */
    private static final long THICKNESS_STREAM = 0x3c6ef372fe94f82bL;

    private final double maxAmount;

    /**
     * @param source    episodes to transform
     * @param maxAmount largest change, in {@code [0, 1]}; 0 passes episodes through unchanged
     * @throws IllegalArgumentException when {@code maxAmount} is outside {@code [0, 1]}
     */
    public RandomThickness(TaskSource source, double maxAmount) {
        super(source, THICKNESS_STREAM);
        if (!(maxAmount >= 0 && maxAmount <= 1)) {
            throw new IllegalArgumentException("RandomThickness: maxAmount must be in [0, 1], got " + maxAmount);
        }
        this.maxAmount = maxAmount;
    }

    @Override
    boolean isIdentity() {
        return maxAmount == 0;
    }

    @Override
    void apply(double[] in, double[] out, int base, int channels, int height, int width, SplittableRandom random) {
        double amount = random.nextDouble(-maxAmount, maxAmount);
        int plane = height * width;
        for (int c = 0; c < channels; c++) {
            morph(in, out, base + c * plane, height, width, amount);
        }
    }

    /** Writes the plane at {@code base} moved the fraction {@code |amount|} towards its dilation or erosion. */
    private static void morph(double[] in, double[] out, int base, int height, int width, double amount) {
        boolean dilate = amount > 0;
        double weight = Math.abs(amount);
        for (int row = 0; row < height; row++) {
            for (int col = 0; col < width; col++) {
                double extreme = in[base + row * width + col];
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        double v = pixel(in, base, height, width, row + dy, col + dx);
                        extreme = dilate ? Math.max(extreme, v) : Math.min(extreme, v);
                    }
                }
                double self = in[base + row * width + col];
                out[base + row * width + col] = self + weight * (extreme - self);
            }
        }
    }
}

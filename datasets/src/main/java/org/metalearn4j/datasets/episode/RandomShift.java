package org.metalearn4j.datasets.episode;

import java.util.SplittableRandom;
import org.metalearn4j.core.dataset.DatasetException;
import org.metalearn4j.core.task.TaskSource;

/**
 * A task transform that translates every support and query image of an episode by its own random whole-pixel offset,
 * at most {@code maxShift} pixels each way vertically and horizontally, filling what moves in with zeros (no ink).
 * Meta-training on small data sets memorises the characters (ProtoNet's training loss on {@code omniglot-small}
 * falls to 0.001 while meta-test accuracy stalls); fresh offsets every episode make each character look new.
 *
 * <p>Like every {@link TaskSource} it is a pure function of the seed: the offsets come from a random stream seeded
 * with the episode seed, kept apart from the stream the wrapped source draws its classes and examples from. Labels
 * and episode layout are untouched. Examples must be images {@code [n, channels, height, width]}.
 */
public final class RandomShift extends ImageTransform {
    /** Mixed into the episode seed so the offsets do not repeat the wrapped source's own random draws. */
    private static final long OFFSET_STREAM = 0x6a09e667f3bcc909L;

    private final int maxShift;

    /**
     * @param source   episodes to transform
     * @param maxShift largest offset in pixels, 0 to pass episodes through unchanged
     * @throws IllegalArgumentException when {@code maxShift} is negative
     */
    public RandomShift(TaskSource source, int maxShift) {
        super(source, OFFSET_STREAM);
        if (maxShift < 0) {
            throw new IllegalArgumentException("RandomShift: maxShift must be >= 0 pixels, got " + maxShift);
        }
        this.maxShift = maxShift;
    }

    @Override
    boolean isIdentity() {
        return maxShift == 0;
    }

    @Override
    void checkSize(int height, int width, String domain) {
        if (maxShift >= height || maxShift >= width) {
            throw new DatasetException(domain + ": RandomShift maxShift " + maxShift + " must be smaller than the "
                    + height + "x" + width + " images");
        }
    }

    @Override
    void apply(double[] in, double[] out, int base, int channels, int height, int width, SplittableRandom random) {
        int dy = random.nextInt(2 * maxShift + 1) - maxShift;
        int dx = random.nextInt(2 * maxShift + 1) - maxShift;
        int plane = height * width;
        for (int c = 0; c < channels; c++) {
            translate(in, out, base + c * plane, height, width, dy, dx);
        }
    }

    /** Writes the plane at {@code base} moved down by {@code dy} and right by {@code dx}; uncovered pixels stay 0. */
    private static void translate(double[] in, double[] out, int base, int height, int width, int dy, int dx) {
        int fromCol = Math.max(0, -dx);
        int cols = width - Math.abs(dx);
        for (int row = Math.max(0, -dy); row < Math.min(height, height - dy); row++) {
            System.arraycopy(in, base + row * width + fromCol, out, base + (row + dy) * width + fromCol + dx, cols);
        }
    }
}

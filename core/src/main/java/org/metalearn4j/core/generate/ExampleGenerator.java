package org.metalearn4j.core.generate;

import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Makes new examples of a class from a few examples of it: a meta-learned generator adapted to an unseen class by
 * its support set. What data-set transforms ({@link GeneratedSupport}), the {@code generate} command and benchmarks
 * use, without depending on the module that trained it; a {@link GenerativeLearner} hands one out.
 *
 * <p>Implementations are immutable snapshots and thread-safe; a result is a pure function of the inputs and the seed.
 */
public interface ExampleGenerator {

    /** Shape of one example, e.g. {@code [1, 28, 28]}. */
    long[] exampleShape();

    /** Fewest support examples per class the generator was trained to condition on. */
    int minShots();

    /** Most support examples per class the generator was trained to condition on. */
    int maxShots();

    /**
     * {@code count} new examples of each of several classes.
     *
     * @param supports {@code [classes, k, exampleShape...]}: {@code k} examples of each class, {@code k} within
     *                 {@link #minShots()}..{@link #maxShots()}
     * @param count    new examples per class, at least 1
     * @param seed     the only source of randomness
     * @return {@code [classes, count, exampleShape...]}, float32
     * @throws IllegalArgumentException naming the shape, {@code k} or {@code count} when they do not fit
     */
    INDArray generate(INDArray supports, int count, long seed);

    /** {@code count} new examples {@code [count, exampleShape...]} of the one class {@code support [k, ...]} shows. */
    default INDArray generateOne(INDArray support, int count, long seed) {
        long[] shape = support.shape();
        long[] batched = new long[shape.length + 1];
        batched[0] = 1;
        System.arraycopy(shape, 0, batched, 1, shape.length);
        INDArray out = generate(support.reshape(batched), count, seed);
        return out.reshape(Arrays.copyOfRange(out.shape(), 1, out.rank()));
    }

    /**
     * Checks {@code supports [classes, k, exampleShape...]} against the trained shape and range of {@code k}.
     *
     * @throws IllegalArgumentException naming what differs and what was expected
     */
    default void checkSupports(INDArray supports, int count) {
        long[] shape = supports.shape();
        long[] example = exampleShape();
        if (shape.length != example.length + 2
                || !Arrays.equals(Arrays.copyOfRange(shape, 2, shape.length), example)) {
            throw new IllegalArgumentException("generator: expected support examples of shape "
                    + Arrays.toString(example) + " batched as [classes, k, ...], got " + Arrays.toString(shape));
        }
        long k = shape[1];
        if (k < minShots() || k > maxShots()) {
            throw new IllegalArgumentException("generator: " + k + " support example" + (k == 1 ? "" : "s")
                    + " per class, but it was trained on " + minShots() + " to " + maxShots());
        }
        if (count < 1) {
            throw new IllegalArgumentException("generator: count must be at least 1, got " + count);
        }
    }
}

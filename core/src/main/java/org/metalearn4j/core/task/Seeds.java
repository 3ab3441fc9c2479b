package org.metalearn4j.core.task;

/**
 * Derives independent 64-bit seeds from a base seed and indices with the SplitMix64 finaliser, so that episode
 * {@code i} of meta-batch {@code j} gets the same seed whether or not the run was interrupted in between.
 */
public final class Seeds {
    private Seeds() {
    }

    /** A well-mixed seed for the given base seed and index path, e.g. {@code derive(seed, iteration, taskInBatch)}. */
    public static long derive(long base, long... indices) {
        long h = mix(base ^ 0x9E3779B97F4A7C15L);
        for (long index : indices) {
            h = mix(h + 0x9E3779B97F4A7C15L * (index + 1));
        }
        return h;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}

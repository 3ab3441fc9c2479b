package org.metalearn4j.cluster;

/** Splits the tasks of a meta-batch among workers in proportion to their speeds. */
final class Shares {
    private Shares() {
    }

    /**
     * Task counts proportional to {@code weights} that add up to {@code tasks}: each worker gets the whole part of its
     * proportional share, and the tasks left over go to the largest fractional parts (ties to the earlier worker).
     *
     * @param weights positive, finite speeds
     */
    static int[] split(int tasks, double[] weights) {
        if (tasks < 0 || weights.length == 0) {
            throw new IllegalArgumentException("shares: need tasks >= 0 and at least one worker, got " + tasks
                    + " tasks and " + weights.length + " workers");
        }
        double total = 0;
        for (double w : weights) {
            if (!(w > 0) || Double.isInfinite(w)) {
                throw new IllegalArgumentException("shares: weights must be positive and finite, got " + w);
            }
            total += w;
        }
        int[] counts = new int[weights.length];
        double[] remainders = new double[weights.length];
        int given = 0;
        for (int k = 0; k < weights.length; k++) {
            double exact = tasks * weights[k] / total;
            counts[k] = (int) Math.floor(exact);
            remainders[k] = exact - counts[k];
            given += counts[k];
        }
        for (; given < tasks; given++) {
            int best = 0;
            for (int k = 1; k < weights.length; k++) {
                if (remainders[k] > remainders[best]) {
                    best = k;
                }
            }
            counts[best]++;
            remainders[best] = -1;
        }
        return counts;
    }

    /**
     * {@code counts} changed so that every worker marked in {@code needsOne} has at least one task, each taken from the
     * worker with the most tasks while that one keeps at least one; the total stays the same.
     */
    static int[] atLeastOne(int[] counts, boolean[] needsOne) {
        if (counts.length != needsOne.length) {
            throw new IllegalArgumentException("shares: " + counts.length + " counts but " + needsOne.length
                    + " marks");
        }
        int[] out = counts.clone();
        for (int k = 0; k < out.length; k++) {
            if (!needsOne[k] || out[k] > 0) {
                continue;
            }
            int donor = 0;
            for (int d = 1; d < out.length; d++) {
                if (out[d] > out[donor]) {
                    donor = d;
                }
            }
            if (out[donor] < 2) {
                return out;
            }
            out[donor]--;
            out[k]++;
        }
        return out;
    }
}

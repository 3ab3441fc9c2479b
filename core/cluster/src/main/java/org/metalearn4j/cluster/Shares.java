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
}

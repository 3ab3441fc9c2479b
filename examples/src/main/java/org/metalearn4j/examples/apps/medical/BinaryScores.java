package org.metalearn4j.examples.apps.medical;

/**
 * Quality of predicted probabilities of the positive class against 0/1 outcomes: discrimination (AUC) and
 * calibration (Brier score, expected calibration error).
 */
final class BinaryScores {
    private static final int BINS = 10;

    private BinaryScores() {
    }

    /**
     * The area under the ROC curve: the probability that a random positive scores above a random negative, ties
     * counting one half (the Mann-Whitney statistic); NaN without both classes.
     */
    static double auc(double[] p, int[] y) {
        double wins = 0;
        long pairs = 0;
        for (int i = 0; i < p.length; i++) {
            if (y[i] != 1) {
                continue;
            }
            for (int j = 0; j < p.length; j++) {
                if (y[j] == 0) {
                    wins += p[i] > p[j] ? 1 : p[i] == p[j] ? 0.5 : 0;
                    pairs++;
                }
            }
        }
        return pairs == 0 ? Double.NaN : wins / pairs;
    }

    /** The mean squared difference between probability and outcome. */
    static double brier(double[] p, int[] y) {
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            sum += (p[i] - y[i]) * (p[i] - y[i]);
        }
        return sum / p.length;
    }

    /**
     * The expected calibration error over {@value #BINS} equal-width probability bins: the case-weighted mean of
     * |mean outcome - mean probability| per bin.
     */
    static double ece(double[] p, int[] y) {
        double[] sumP = new double[BINS];
        double[] sumY = new double[BINS];
        int[] count = new int[BINS];
        for (int i = 0; i < p.length; i++) {
            int b = Math.min(BINS - 1, (int) (p[i] * BINS));
            sumP[b] += p[i];
            sumY[b] += y[i];
            count[b]++;
        }
        double ece = 0;
        for (int b = 0; b < BINS; b++) {
            if (count[b] > 0) {
                ece += Math.abs(sumY[b] - sumP[b]) / p.length;
            }
        }
        return ece;
    }
}

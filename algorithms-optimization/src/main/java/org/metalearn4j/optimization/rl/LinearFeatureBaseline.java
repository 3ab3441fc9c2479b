package org.metalearn4j.optimization.rl;

/**
 * The linear feature baseline of Duan et al. (2016), as used by Finn et al.'s MAML-RL: returns-to-go regressed by
 * ridge regression on {@code [s, s^2, t/100, (t/100)^2, (t/100)^3, 1]} (observations clipped to [-10, 10]), fitted
 * afresh on each batch of trajectories. Its values are constants of the surrogate objective: a baseline reduces the
 * variance of the policy-gradient estimate without biasing it.
 */
final class LinearFeatureBaseline {
    private static final double FIRST_RIDGE = 1e-5;

    private LinearFeatureBaseline() {
    }

    /** The fitted baseline per row of {@code batch} (0 for rows after an episode ended). */
    static double[] fit(Trajectories batch, double discount) {
        double[] targets = batch.returnsToGo(discount);
        int rows = batch.rows();
        int k = 2 * batch.observationSize() + 4;
        double[][] features = new double[rows][];
        for (int row = 0; row < rows; row++) {
            features[row] = features(batch, row, k);
        }
        double[] weights = solve(features, targets, batch.alive(), k);
        double[] values = new double[rows];
        for (int row = 0; row < rows; row++) {
            if (batch.alive()[row] > 0) {
                double v = 0;
                for (int j = 0; j < k; j++) {
                    v += weights[j] * features[row][j];
                }
                values[row] = v;
            }
        }
        return values;
    }

    private static double[] features(Trajectories batch, int row, int k) {
        int o = batch.observationSize();
        double[] f = new double[k];
        for (int j = 0; j < o; j++) {
            double s = Math.max(-10, Math.min(10, batch.observations()[row * o + j]));
            f[j] = s;
            f[o + j] = s * s;
        }
        double t = (row % batch.horizon()) / 100.0;
        f[2 * o] = t;
        f[2 * o + 1] = t * t;
        f[2 * o + 2] = t * t * t;
        f[2 * o + 3] = 1;
        return f;
    }

    /** Ridge regression on the alive rows; the ridge grows tenfold until the normal equations factorise. */
    private static double[] solve(double[][] x, double[] y, double[] alive, int k) {
        double[][] gram = new double[k][k];
        double[] rhs = new double[k];
        for (int row = 0; row < x.length; row++) {
            if (alive[row] == 0) {
                continue;
            }
            for (int a = 0; a < k; a++) {
                rhs[a] += x[row][a] * y[row];
                for (int b = 0; b <= a; b++) {
                    gram[a][b] += x[row][a] * x[row][b];
                }
            }
        }
        for (double ridge = FIRST_RIDGE; ridge < 1e6; ridge *= 10) {
            double[] w = cholesky(gram, rhs, ridge);
            if (w != null) {
                return w;
            }
        }
        return new double[k];
    }

    /** Solves {@code (G + ridge I) w = rhs} from the lower triangle of G; null if not positive definite. */
    private static double[] cholesky(double[][] gram, double[] rhs, double ridge) {
        int k = rhs.length;
        double[][] l = new double[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j <= i; j++) {
                double sum = gram[i][j] + (i == j ? ridge : 0);
                for (int m = 0; m < j; m++) {
                    sum -= l[i][m] * l[j][m];
                }
                if (i == j) {
                    if (!(sum > 0)) {
                        return null;
                    }
                    l[i][i] = Math.sqrt(sum);
                } else {
                    l[i][j] = sum / l[j][j];
                }
            }
        }
        double[] z = new double[k];
        for (int i = 0; i < k; i++) {
            double sum = rhs[i];
            for (int m = 0; m < i; m++) {
                sum -= l[i][m] * z[m];
            }
            z[i] = sum / l[i][i];
        }
        double[] w = new double[k];
        for (int i = k - 1; i >= 0; i--) {
            double sum = z[i];
            for (int m = i + 1; m < k; m++) {
                sum -= l[m][i] * w[m];
            }
            w[i] = sum / l[i][i];
        }
        for (double v : w) {
            if (!Double.isFinite(v)) {
                return null;
            }
        }
        return w;
    }
}

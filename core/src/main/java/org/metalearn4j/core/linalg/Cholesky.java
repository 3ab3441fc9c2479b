package org.metalearn4j.core.linalg;

/**
 * The Cholesky factor {@code L} (lower triangular, {@code A = L L^T}) of a symmetric positive-definite matrix, in
 * float64, with the solves and products that Gaussian posteriors and ridge regressions need. Matrices are row-major
 * {@code double[n * n]}; only the lower triangle of {@code A} is read. O(n^3) time, meant for the tens to a few hundred
 * rows of one task.
 */
public final class Cholesky {
    private final double[] l;
    private final int n;

    private Cholesky(double[] l, int n) {
        this.l = l;
        this.n = n;
    }

    /**
     * Factors {@code a}.
     *
     * @throws IllegalArgumentException naming the pivot when {@code a} is not positive definite (or not finite)
     */
    public static Cholesky of(double[] a, int n) {
        return factor(a, n, Double.NaN);
    }

    /**
     * Factors {@code a}, raising every pivot below {@code floor} to {@code floor}: for sampling from kernels that are
     * singular up to rounding (nearly coincident inputs), where a tiny distortion is better than failing.
     */
    public static Cholesky withFloor(double[] a, int n, double floor) {
        if (!(floor > 0)) {
            throw new IllegalArgumentException("Cholesky: floor must be > 0, got " + floor);
        }
        return factor(a, n, floor);
    }

    private static Cholesky factor(double[] a, int n, double floor) {
        if (n < 1 || a.length != n * n) {
            throw new IllegalArgumentException("Cholesky: expected an n x n matrix with n >= 1, got " + a.length
                    + " entries for n = " + n);
        }
        double[] l = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double k = a[i * n + j];
                for (int m = 0; m < j; m++) {
                    k -= l[i * n + m] * l[j * n + m];
                }
                if (i != j) {
                    l[i * n + j] = k / l[j * n + j];
                } else if (!Double.isNaN(floor)) {
                    l[i * n + i] = Math.sqrt(Math.max(k, floor));
                } else if (k > 0 && Double.isFinite(k)) {
                    l[i * n + i] = Math.sqrt(k);
                } else {
                    throw new IllegalArgumentException("Cholesky: the matrix is not positive definite (pivot " + i
                            + " of " + n + " is " + k + ")");
                }
            }
        }
        return new Cholesky(l, n);
    }

    /** Rows and columns. */
    public int size() {
        return n;
    }

    /** {@code L[i][j]}. */
    public double lower(int i, int j) {
        return l[i * n + j];
    }

    /** {@code L z}: turns standard normal {@code z} into a draw with covariance {@code A}. */
    public double[] multiplyLower(double[] z) {
        check(z);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            double sum = 0;
            for (int m = 0; m <= i; m++) {
                sum += l[i * n + m] * z[m];
            }
            out[i] = sum;
        }
        return out;
    }

    /** {@code L^-1 b} by forward substitution. */
    public double[] solveLower(double[] b) {
        check(b);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            double sum = b[i];
            for (int m = 0; m < i; m++) {
                sum -= l[i * n + m] * x[m];
            }
            x[i] = sum / l[i * n + i];
        }
        return x;
    }

    /** {@code A^-1 b}: forward then back substitution. */
    public double[] solve(double[] b) {
        double[] y = solveLower(b);
        double[] x = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double sum = y[i];
            for (int m = i + 1; m < n; m++) {
                sum -= l[m * n + i] * x[m];
            }
            x[i] = sum / l[i * n + i];
        }
        return x;
    }

    /** {@code log det A = 2 sum log L[i][i]}. */
    public double logDeterminant() {
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += Math.log(l[i * n + i]);
        }
        return 2 * sum;
    }

    private void check(double[] v) {
        if (v.length != n) {
            throw new IllegalArgumentException("Cholesky: expected a vector of length " + n + ", got " + v.length);
        }
    }
}

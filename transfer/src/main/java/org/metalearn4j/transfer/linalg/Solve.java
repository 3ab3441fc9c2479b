package org.metalearn4j.transfer.linalg;

import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Symmetric positive-definite solves in float64 by Cholesky factorisation. Every system here (ridge Gram matrices,
 * penalised logistic Hessians) is SPD and at most a few hundred wide, so a plain Java factorisation is fast enough and,
 * unlike ND4J's {@code matrix_inverse} op, degrades with a clear message instead of an opaque native failure.
 */
public final class Solve {
    private Solve() {
    }

    /** {@code (A + ridge I)^-1 B} for a symmetric positive-definite {@code A + ridge I}. */
    public static INDArray ridge(INDArray a, double ridge, INDArray b) {
        if (a.rank() != 2 || a.rows() != a.columns() || b.rank() != 2 || b.rows() != a.rows()) {
            throw new IllegalArgumentException("ridge solve needs square A [k,k] and B [k,m], got A "
                    + Arrays.toString(a.shape()) + " B " + Arrays.toString(b.shape()));
        }
        int k = a.rows();
        double[][] l = a.castTo(DataType.DOUBLE).toDoubleMatrix();
        for (int i = 0; i < k; i++) {
            l[i][i] += ridge;
        }
        cholesky(l);
        double[][] x = b.castTo(DataType.DOUBLE).toDoubleMatrix();
        int m = x[0].length;
        double[] col = new double[k];
        for (int c = 0; c < m; c++) {
            for (int i = 0; i < k; i++) {
                col[i] = x[i][c];
            }
            substitute(l, col);
            for (int i = 0; i < k; i++) {
                x[i][c] = col[i];
            }
        }
        return Nd4j.createFromArray(x);
    }

    /** In place: the lower triangle of {@code a} becomes L with {@code a = L L^T}. */
    private static void cholesky(double[][] a) {
        int k = a.length;
        for (int j = 0; j < k; j++) {
            double d = a[j][j];
            for (int p = 0; p < j; p++) {
                d -= a[j][p] * a[j][p];
            }
            if (!(d > 0)) {
                throw new ArithmeticException("matrix is not positive definite (pivot " + j + " = " + d
                        + "); increase the regularisation");
            }
            double ljj = Math.sqrt(d);
            a[j][j] = ljj;
            for (int i = j + 1; i < k; i++) {
                double s = a[i][j];
                for (int p = 0; p < j; p++) {
                    s -= a[i][p] * a[j][p];
                }
                a[i][j] = s / ljj;
            }
        }
    }

    /** In place: {@code v <- (L L^T)^-1 v}. */
    private static void substitute(double[][] l, double[] v) {
        int k = v.length;
        for (int i = 0; i < k; i++) {
            double s = v[i];
            for (int p = 0; p < i; p++) {
                s -= l[i][p] * v[p];
            }
            v[i] = s / l[i][i];
        }
        for (int i = k - 1; i >= 0; i--) {
            double s = v[i];
            for (int p = i + 1; p < k; p++) {
                s -= l[p][i] * v[p];
            }
            v[i] = s / l[i][i];
        }
    }
}

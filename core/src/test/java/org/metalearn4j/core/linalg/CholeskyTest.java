package org.metalearn4j.core.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CholeskyTest {

    /** A random symmetric positive-definite matrix {@code B B^T + n I}. */
    private static double[] spd(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] b = new double[n * n];
        for (int i = 0; i < b.length; i++) {
            b[i] = r.nextDouble(-1, 1);
        }
        double[] a = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = i == j ? n : 0;
                for (int k = 0; k < n; k++) {
                    s += b[i * n + k] * b[j * n + k];
                }
                a[i * n + j] = s;
            }
        }
        return a;
    }

    @Test
    void factorReproducesTheMatrixAndSolvesLinearSystems() {
        int n = 7;
        double[] a = spd(n, 3);
        Cholesky c = Cholesky.of(a, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int k = 0; k < n; k++) {
                    s += c.lower(i, k) * c.lower(j, k);
                }
                assertThat(s).isCloseTo(a[i * n + j], within(1e-12));
                if (j > i) {
                    assertThat(c.lower(i, j)).isZero();
                }
            }
        }
        double[] b = {1, -2, 3, 0.5, 0, 4, -1};
        double[] x = c.solve(b);
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int k = 0; k < n; k++) {
                s += a[i * n + k] * x[k];
            }
            assertThat(s).isCloseTo(b[i], within(1e-12));
        }
        double[] y = c.solveLower(b);
        double[] back = c.multiplyLower(y);
        for (int i = 0; i < n; i++) {
            assertThat(back[i]).isCloseTo(b[i], within(1e-12));
        }
    }

    @Test
    void logDeterminantOfADiagonalMatrix() {
        double[] a = {2, 0, 0, 0, 3, 0, 0, 0, 5};
        assertThat(Cholesky.of(a, 3).logDeterminant()).isCloseTo(Math.log(30), within(1e-14));
    }

    @Test
    void anIndefiniteMatrixFailsNamingThePivotUnlessAFloorIsGiven() {
        double[] a = {1, 2, 2, 1};
        assertThatThrownBy(() -> Cholesky.of(a, 2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not positive definite").hasMessageContaining("pivot 1 of 2");
        Cholesky floored = Cholesky.withFloor(a, 2, 1e-6);
        assertThat(floored.lower(1, 1)).isEqualTo(Math.sqrt(1e-6));
        assertThatThrownBy(() -> Cholesky.of(new double[3], 2)).hasMessageContaining("n x n");
        assertThatThrownBy(() -> Cholesky.of(a, 2 - 1)).hasMessageContaining("n x n");
    }
}

package org.metalearn4j.examples.apps.recsys;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The matrix-factorisation baseline: {@code r(u, i) = mu + b_u + b_i + p_u . q_i}, fitted to the meta-train users'
 * ratings by alternating ridge regressions (ALS), with penalty {@code lambda} on factors and biases. A new user is
 * folded in from their known ratings alone: with the movies' factors and biases fixed, {@code (p_u, b_u)} is the ridge
 * solution on those ratings. A movie no meta-train user rated has zero factors and bias.
 */
final class MatrixFactorization {
    private final int rank;
    private final double lambda;
    private final double mu;
    private final Map<Integer, double[]> movies = new HashMap<>();

    /**
     * Fits the movies' factors and biases.
     *
     * @param users   user of each training rating
     * @param items   movie of each training rating
     * @param ratings the ratings
     */
    MatrixFactorization(int[] users, int[] items, float[] ratings, int rank, double lambda, int iterations,
                        long seed) {
        this.rank = rank;
        this.lambda = lambda;
        double sum = 0;
        for (float r : ratings) {
            sum += r;
        }
        this.mu = sum / ratings.length;
        Map<Integer, List<Integer>> byUser = group(users);
        Map<Integer, List<Integer>> byItem = group(items);
        SplittableRandom random = new SplittableRandom(seed);
        Map<Integer, double[]> userVectors = new HashMap<>();
        for (int item : byItem.keySet()) {
            double[] v = new double[rank + 1];
            for (int j = 0; j < rank; j++) {
                v[j] = 0.1 * (random.nextDouble() - 0.5);
            }
            movies.put(item, v);
        }
        for (int it = 0; it < iterations; it++) {
            byUser.forEach((u, rows) -> userVectors.put(u, solve(rows, items, ratings, movies)));
            byItem.forEach((i, rows) -> movies.put(i, solve(rows, users, ratings, userVectors)));
        }
    }

    /** The predicted ratings of {@code queryItems} for a user known through {@code supportItems}' ratings. */
    double[] predict(int[] supportItems, float[] supportRatings, int[] queryItems) {
        List<Integer> rows = new ArrayList<>();
        for (int k = 0; k < supportItems.length; k++) {
            rows.add(k);
        }
        double[] user = solve(rows, supportItems, supportRatings, movies);
        double[] out = new double[queryItems.length];
        for (int k = 0; k < queryItems.length; k++) {
            double[] q = movies.getOrDefault(queryItems[k], new double[rank + 1]);
            double v = mu + user[rank] + q[rank];
            for (int j = 0; j < rank; j++) {
                v += user[j] * q[j];
            }
            out[k] = v;
        }
        return out;
    }

    /**
     * The ridge solution {@code [factors..., bias]} of one side from its rows, the other side fixed: the target of a
     * row is {@code r - mu - b_other} and its features are {@code [q_other..., 1]}.
     */
    private double[] solve(List<Integer> rows, int[] other, float[] ratings, Map<Integer, double[]> fixed) {
        int d = rank + 1;
        double[][] a = new double[d][d];
        double[] b = new double[d];
        double[] zero = new double[d];
        for (int row : rows) {
            double[] f = fixed.getOrDefault(other[row], zero);
            double target = ratings[row] - mu - f[rank];
            double[] x = new double[d];
            System.arraycopy(f, 0, x, 0, rank);
            x[rank] = 1;
            for (int p = 0; p < d; p++) {
                b[p] += x[p] * target;
                for (int q = 0; q < d; q++) {
                    a[p][q] += x[p] * x[q];
                }
            }
        }
        for (int p = 0; p < d; p++) {
            a[p][p] += lambda;
        }
        return gaussianElimination(a, b);
    }

    /** Solves {@code a x = b} for a symmetric positive definite {@code a} (partial pivoting for safety). */
    private static double[] gaussianElimination(double[][] a, double[] b) {
        int n = b.length;
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) {
                    pivot = r;
                }
            }
            double[] t = a[col];
            a[col] = a[pivot];
            a[pivot] = t;
            double tb = b[col];
            b[col] = b[pivot];
            b[pivot] = tb;
            for (int r = col + 1; r < n; r++) {
                double factor = a[r][col] / a[col][col];
                for (int c = col; c < n; c++) {
                    a[r][c] -= factor * a[col][c];
                }
                b[r] -= factor * b[col];
            }
        }
        double[] x = new double[n];
        for (int r = n - 1; r >= 0; r--) {
            double s = b[r];
            for (int c = r + 1; c < n; c++) {
                s -= a[r][c] * x[c];
            }
            x[r] = s / a[r][r];
        }
        return x;
    }

    private static Map<Integer, List<Integer>> group(int[] keys) {
        Map<Integer, List<Integer>> out = new HashMap<>();
        for (int row = 0; row < keys.length; row++) {
            out.computeIfAbsent(keys[row], k -> new ArrayList<>()).add(row);
        }
        return out;
    }
}

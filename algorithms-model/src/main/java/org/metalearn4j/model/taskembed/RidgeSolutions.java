package org.metalearn4j.model.taskembed;

import java.util.SplittableRandom;
import org.metalearn4j.core.linalg.Cholesky;

/**
 * Closed-form solutions of regression tasks, the same for every learner: ridge regression on {@code features} random
 * Fourier features {@code phi(x) = sqrt(2 / F) cos(W x + b)} (Rahimi and Recht 2007; rows of W normal with standard
 * deviation {@code 1 / bandwidth}, b uniform in [0, 2 pi), drawn from a seed), an approximation of kernel ridge
 * regression with an RBF kernel of length scale {@code bandwidth}. A solution is the weight matrix
 * {@code [features, outputs]} minimising {@code |phi(X) w - Y|^2 + ridge |w - w0|^2}, where the prior {@code w0} is
 * zero for a cold start or a known task's solution for a warm start. Solved in float64 with a Cholesky factor.
 */
public final class RidgeSolutions {
    private final int inputs;
    private final int features;
    private final double ridge;
    private final double[][] frequencies;
    private final double[] phases;

    /**
     * @param inputs    input values per point
     * @param features  random features F
     * @param bandwidth length scale of the approximated RBF kernel
     * @param ridge     the penalty towards the prior, > 0
     * @param seed      seed of the features
     */
    public RidgeSolutions(int inputs, int features, double bandwidth, double ridge, long seed) {
        if (inputs < 1 || features < 1 || !(bandwidth > 0) || !(ridge > 0)) {
            throw new IllegalArgumentException("RidgeSolutions: need inputs, features >= 1 and bandwidth, ridge > 0,"
                    + " got " + inputs + ", " + features + ", " + bandwidth + ", " + ridge);
        }
        this.inputs = inputs;
        this.features = features;
        this.ridge = ridge;
        SplittableRandom r = new SplittableRandom(seed);
        this.frequencies = new double[features][inputs];
        this.phases = new double[features];
        for (int f = 0; f < features; f++) {
            for (int i = 0; i < inputs; i++) {
                frequencies[f][i] = r.nextGaussian() / bandwidth;
            }
            phases[f] = r.nextDouble(0, 2 * Math.PI);
        }
    }

    /** Random features F. */
    public int features() {
        return features;
    }

    /** {@code phi(x)} of each row of {@code x [n][inputs]}: {@code [n][features]}. */
    public double[][] featurize(double[][] x) {
        double scale = Math.sqrt(2.0 / features);
        double[][] out = new double[x.length][features];
        for (int n = 0; n < x.length; n++) {
            if (x[n].length != inputs) {
                throw new IllegalArgumentException("RidgeSolutions: expected " + inputs + " input values, got "
                        + x[n].length);
            }
            for (int f = 0; f < features; f++) {
                double a = phases[f];
                for (int i = 0; i < inputs; i++) {
                    a += frequencies[f][i] * x[n][i];
                }
                out[n][f] = scale * Math.cos(a);
            }
        }
        return out;
    }

    /**
     * The solution {@code [features][outputs]} for points {@code x [n][inputs]}, targets {@code y [n][outputs]} and
     * prior {@code w0} (null for zero).
     */
    public double[][] solve(double[][] x, double[][] y, double[][] w0) {
        double[][] phi = featurize(x);
        int outputs = y[0].length;
        double[] gram = new double[features * features];
        for (int a = 0; a < features; a++) {
            for (int b = 0; b <= a; b++) {
                double s = a == b ? ridge : 0;
                for (double[] row : phi) {
                    s += row[a] * row[b];
                }
                gram[a * features + b] = s;
                gram[b * features + a] = s;
            }
        }
        Cholesky chol = Cholesky.of(gram, features);
        double[][] w = new double[features][outputs];
        for (int o = 0; o < outputs; o++) {
            double[] rhs = new double[features];
            for (int a = 0; a < features; a++) {
                double s = w0 == null ? 0 : ridge * w0[a][o];
                for (int n = 0; n < phi.length; n++) {
                    s += phi[n][a] * y[n][o];
                }
                rhs[a] = s;
            }
            double[] col = chol.solve(rhs);
            for (int a = 0; a < features; a++) {
                w[a][o] = col[a];
            }
        }
        return w;
    }

    /** The predictions {@code [n][outputs]} of solution {@code w} at {@code x [n][inputs]}. */
    public double[][] predict(double[][] w, double[][] x) {
        double[][] phi = featurize(x);
        double[][] out = new double[x.length][w[0].length];
        for (int n = 0; n < x.length; n++) {
            for (int o = 0; o < w[0].length; o++) {
                double s = 0;
                for (int a = 0; a < features; a++) {
                    s += phi[n][a] * w[a][o];
                }
                out[n][o] = s;
            }
        }
        return out;
    }

    /** Root-mean-square difference of two solutions' predictions at the points {@code x}. */
    public double distance(double[][] w1, double[][] w2, double[][] x) {
        double[][] a = predict(w1, x);
        double[][] b = predict(w2, x);
        double s = 0;
        int count = 0;
        for (int n = 0; n < a.length; n++) {
            for (int o = 0; o < a[n].length; o++) {
                double d = a[n][o] - b[n][o];
                s += d * d;
                count++;
            }
        }
        return Math.sqrt(s / count);
    }
}

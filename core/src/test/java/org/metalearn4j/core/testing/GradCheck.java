package org.metalearn4j.core.testing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.metalearn4j.core.tensor.Autograd;
import org.metalearn4j.core.tensor.Tensor;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Checks autodiff gradients against central finite differences in float64. A function with any output shape is
 * reduced to a scalar by a fixed random weighting, so every output element contributes. The second-order check
 * differentiates a Hessian-vector product (a gradient computed with {@code createGraph = true}) the same way, which
 * exercises the backward of every op's backward.
 *
 * <p>Usage from any module's tests (core's test-jar): {@code GradCheck.firstOrder(xs -> xs.get(0).tanh(),
 * List.of(GradCheck.random(1, 3, 4)))}.
 */
public final class GradCheck {
    /** Central-difference step: the float64 sweet spot between truncation (h^2) and rounding (eps/h) error. */
    public static final double STEP = 1e-6;
    /** Default tolerance: |analytic - numeric| <= TOL * max(1, |analytic|, |numeric|). */
    public static final double TOL = 1e-6;

    private GradCheck() {
    }

    /** A float64 array of normal samples from a fixed seed. */
    public static INDArray random(long seed, long... shape) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] v = new double[(int) length(shape)];
        for (int i = 0; i < v.length; i++) {
            v[i] = gaussian(rng);
        }
        return Nd4j.create(v, shape, DataType.DOUBLE);
    }

    /** Float64 samples whose magnitudes lie in [lo, hi] with random signs: keeps inputs away from kinks at 0. */
    public static INDArray awayFromZero(long seed, double lo, double hi, long... shape) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] v = new double[(int) length(shape)];
        for (int i = 0; i < v.length; i++) {
            double m = lo + (hi - lo) * rng.nextDouble();
            v[i] = rng.nextBoolean() ? m : -m;
        }
        return Nd4j.create(v, shape, DataType.DOUBLE);
    }

    /** Float64 samples uniform in [lo, hi] (for log, sqrt, divisors). */
    public static INDArray positive(long seed, double lo, double hi, long... shape) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] v = new double[(int) length(shape)];
        for (int i = 0; i < v.length; i++) {
            v[i] = lo + (hi - lo) * rng.nextDouble();
        }
        return Nd4j.create(v, shape, DataType.DOUBLE);
    }

    /** Asserts first derivatives of {@code f} at {@code inputs} within {@link #TOL}. */
    public static void firstOrder(Function<List<Tensor>, Tensor> f, List<INDArray> inputs) {
        firstOrder(f, inputs, TOL);
    }

    public static void firstOrder(Function<List<Tensor>, Tensor> f, List<INDArray> inputs, double tol) {
        compare(scalarized(f), inputs, tol, "first-order");
    }

    /**
     * Asserts second derivatives: the gradient of {@code <grad f(x), v>} (fixed random v, gradient taken with
     * createGraph) is checked against finite differences of that same first-order gradient.
     */
    public static void secondOrder(Function<List<Tensor>, Tensor> f, List<INDArray> inputs) {
        secondOrder(f, inputs, TOL);
    }

    public static void secondOrder(Function<List<Tensor>, Tensor> f, List<INDArray> inputs, double tol) {
        Function<List<Tensor>, Tensor> scalar = scalarized(f);
        List<INDArray> directions = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            directions.add(random(7919 + i, inputs.get(i).shape()));
        }
        Function<List<Tensor>, Tensor> hvp = xs -> {
            Tensor s = scalar.apply(xs);
            if (!s.requiresGrad()) {
                return s.mul(0.0);
            }
            List<Tensor> grads = Autograd.grad(List.of(s), null, xs, true, true);
            Tensor total = null;
            for (int i = 0; i < grads.size(); i++) {
                Tensor term = grads.get(i).mul(Tensor.constant(directions.get(i))).sum();
                total = total == null ? term : total.add(term);
            }
            return total;
        };
        compare(hvp, inputs, tol, "second-order");
    }

    /**
     * Asserts that {@code analytic} matches central differences of the scalar function {@code f} at {@code inputs};
     * for checking whole objectives (e.g. a MAML meta-gradient computed elsewhere).
     */
    public static void matchesFiniteDifferences(Function<List<INDArray>, Double> f, List<INDArray> inputs,
                                                List<INDArray> analytic, double tol) {
        for (int i = 0; i < inputs.size(); i++) {
            INDArray numeric = numericGradient(f, inputs, i);
            assertClose(analytic.get(i), numeric, tol, "input " + i);
        }
    }

    /** Central-difference gradient of {@code f} with respect to input {@code which}. */
    public static INDArray numericGradient(Function<List<INDArray>, Double> f, List<INDArray> inputs, int which) {
        INDArray base = inputs.get(which).dup('c');
        double[] flat = base.data().asDouble();
        double[] grad = new double[flat.length];
        for (int j = 0; j < flat.length; j++) {
            grad[j] = (f.apply(replaced(inputs, which, base, j, flat[j] + STEP))
                    - f.apply(replaced(inputs, which, base, j, flat[j] - STEP))) / (2 * STEP);
        }
        return Nd4j.create(grad, base.shape(), DataType.DOUBLE);
    }

    /** Largest |a - b| / max(1, |a|, |b|) over all elements. */
    public static double maxRelativeError(INDArray a, INDArray b) {
        double[] x = a.dup('c').data().asDouble();
        double[] y = b.dup('c').data().asDouble();
        double worst = 0;
        for (int j = 0; j < x.length; j++) {
            worst = Math.max(worst, Math.abs(x[j] - y[j]) / Math.max(1.0, Math.max(Math.abs(x[j]), Math.abs(y[j]))));
        }
        return worst;
    }

    private static void compare(Function<List<Tensor>, Tensor> scalar, List<INDArray> inputs, double tol,
                                String what) {
        List<Tensor> vars = new ArrayList<>();
        for (INDArray x : inputs) {
            if (x.dataType() != DataType.DOUBLE) {
                throw new IllegalArgumentException("gradient checks need float64 inputs, got " + x.dataType());
            }
            vars.add(Tensor.variable(x));
        }
        Tensor out = scalar.apply(vars);
        List<Tensor> grads = out.requiresGrad()
                ? Autograd.grad(List.of(out), null, vars, false, true)
                : vars.stream().map(v -> Tensor.constant(Nd4j.zeros(DataType.DOUBLE, v.shape()))).toList();
        Function<List<INDArray>, Double> value = xs -> scalar.apply(xs.stream().map(Tensor::variable).toList())
                .item();
        for (int i = 0; i < inputs.size(); i++) {
            assertClose(grads.get(i).value(), numericGradient(value, inputs, i), tol, what + " gradient of input "
                    + i);
        }
    }

    private static void assertClose(INDArray analytic, INDArray numeric, double tol, String what) {
        if (!Arrays.equals(analytic.shape(), numeric.shape())) {
            throw new AssertionError(what + ": analytic shape " + Arrays.toString(analytic.shape())
                    + " differs from " + Arrays.toString(numeric.shape()));
        }
        double err = maxRelativeError(analytic, numeric);
        if (!(err <= tol)) {
            throw new AssertionError(what + ": max relative error " + err + " > " + tol + "\nanalytic " + analytic
                    + "\nnumeric  " + numeric);
        }
    }

    /** Fixed random weights turn any output into a scalar whose gradient involves every output element. */
    private static Function<List<Tensor>, Tensor> scalarized(Function<List<Tensor>, Tensor> f) {
        INDArray[] weights = new INDArray[1];
        return xs -> {
            Tensor y = f.apply(xs);
            if (weights[0] == null) {
                weights[0] = random(104729, y.shape());
            }
            return y.mul(Tensor.constant(weights[0])).sum();
        };
    }

    private static List<INDArray> replaced(List<INDArray> inputs, int which, INDArray base, int j, double v) {
        List<INDArray> copy = new ArrayList<>(inputs);
        INDArray x = base.dup('c');
        x.putScalar(j, v);
        copy.set(which, x);
        return copy;
    }

    private static long length(long[] shape) {
        long n = 1;
        for (long s : shape) {
            n *= s;
        }
        return n;
    }

    private static double gaussian(SplittableRandom rng) {
        // Box-Muller; deterministic across JVMs unlike ThreadLocalRandom
        double u = 1.0 - rng.nextDouble();
        double v = rng.nextDouble();
        return Math.sqrt(-2.0 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}

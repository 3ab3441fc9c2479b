package org.metalearn4j.core.nn;

import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** How a parameter is initialised. Values come from a Java {@link SplittableRandom}, identical on every machine. */
public sealed interface Init {
    /** Fills with one value (batch-norm weight 1, biases 0). */
    record Constant(double value) implements Init {
        @Override
        public double sample(SplittableRandom rng) {
            return value;
        }
    }

    /** Uniform in {@code [-bound, bound]} (PyTorch's default for Linear and Conv2d uses 1/sqrt(fan in)). */
    record Uniform(double bound) implements Init {
        @Override
        public double sample(SplittableRandom rng) {
            return bound * (2 * rng.nextDouble() - 1);
        }
    }

    /** Normal with mean 0 and the given standard deviation. */
    record Normal(double std) implements Init {
        @Override
        public double sample(SplittableRandom rng) {
            // Box-Muller: the same numbers on every JVM
            return std * Math.sqrt(-2.0 * Math.log(1.0 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble());
        }
    }

    /** One value drawn by this rule. */
    double sample(SplittableRandom rng);

    static Init zeros() {
        return new Constant(0);
    }

    static Init ones() {
        return new Constant(1);
    }

    /** PyTorch's default for Linear/Conv2d weights and biases: U(-1/sqrt(fanIn), 1/sqrt(fanIn)). */
    static Init fanIn(long fanIn) {
        return new Uniform(1.0 / Math.sqrt(fanIn));
    }

    /** A new array of {@code shape} filled according to this rule. */
    default INDArray create(long[] shape, DataType type, long seed) {
        long n = 1;
        for (long s : shape) {
            n *= s;
        }
        double[] v = new double[Math.toIntExact(n)];
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = 0; i < v.length; i++) {
            v[i] = sample(rng);
        }
        return Nd4j.create(v, shape, DataType.DOUBLE).castTo(type);
    }
}

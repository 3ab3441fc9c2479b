package org.metalearn4j.model.generative;

import java.util.SplittableRandom;
import org.metalearn4j.core.tensor.Tensor;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A seeded stream of standard normal draws as constant tensors: the randomness of generators and reparameterized
 * samples. Java's {@link SplittableRandom} with Box-Muller gives the same numbers on every machine and backend, so a
 * step is a pure function of its seed and a resumed run continues bitwise. One stream per task; not thread-safe.
 */
public final class Noise {
    private final SplittableRandom random;

    public Noise(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** The next {@code shape}-sized block of draws. */
    public Tensor next(DataType type, long... shape) {
        long n = 1;
        for (long s : shape) {
            n = Math.multiplyExact(n, s);
        }
        double[] values = new double[Math.toIntExact(n)];
        for (int i = 0; i < values.length; i++) {
            values[i] = Math.sqrt(-2.0 * Math.log(1.0 - random.nextDouble())) * Math.cos(2 * Math.PI
                    * random.nextDouble());
        }
        return Tensor.constant(Nd4j.create(values, shape, DataType.DOUBLE).castTo(type));
    }
}

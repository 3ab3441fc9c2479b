package org.metalearn4j.core.tensor;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;

/** Inverted dropout with a mask drawn from a seeded RNG, so a run is reproducible from its seed. */
public final class Dropout {
    private Dropout() {
    }

    /** Zeroes each element with probability {@code p} and scales the rest by {@code 1/(1-p)}. */
    public static Tensor apply(Tensor x, double p, long seed) {
        if (!(p >= 0 && p < 1)) {
            throw new IllegalArgumentException("dropout: probability must be in [0, 1), got " + p);
        }
        if (p == 0) {
            return x;
        }
        INDArray mask = Nd4j.createUninitialized(x.dataType(), x.shape(), 'c');
        try (Random rng = Nd4j.getRandomFactory().getNewRandomInstance(seed)) {
            Nd4j.rand(mask, rng);
        } catch (Exception e) {
            throw new IllegalStateException("dropout: could not release the RNG", e);
        }
        INDArray keep = mask.gt(p).castTo(x.dataType()).muli(1.0 / (1.0 - p));
        return x.mul(Tensor.constant(keep));
    }
}

package org.metalearn4j.core.task;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.shape.Gather;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Gathers examples (first-dimension slices) by index with libnd4j's {@code gather} op. Measured here (ND4J
 * 1.0.0-M2.1): {@code INDArray.get(INDArray)} costs tens of milliseconds per call, and {@code Nd4j.pullRows} corrupts
 * the native heap when called repeatedly, so neither is used.
 */
public final class Rows {
    private Rows() {
    }

    /** A new array holding {@code x[rows[0]], x[rows[1]], ...}, any rank. */
    public static INDArray gather(INDArray x, int[] rows) {
        long n = x.size(0);
        for (int r : rows) {
            if (r < 0 || r >= n) {
                throw new IndexOutOfBoundsException("row " + r + " outside [0, " + n + ")");
            }
        }
        return Nd4j.exec(new Gather(x, rows, 0))[0];
    }
}

package org.metalearn4j.cluster;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A worker's speed as it announces it: float32 matrix products of 256 x 256 on its backend for about a quarter of a
 * second. Coordinators weigh workers by it until they have measured how fast each computes the run's tasks.
 */
public final class Speed {
    private static final int N = 256;

    private Speed() {
    }

    /** GFLOP/s of {@code Nd4j.gemm} on this process's backend. */
    public static double measure() {
        INDArray a = Nd4j.rand(DataType.FLOAT, N, N);
        INDArray b = Nd4j.rand(DataType.FLOAT, N, N);
        INDArray c = Nd4j.create(DataType.FLOAT, N, N);
        for (int i = 0; i < 3; i++) {
            Nd4j.gemm(a, b, c, false, false, 1.0, 0.0);
        }
        long t0 = System.nanoTime();
        int calls = 0;
        do {
            Nd4j.gemm(a, b, c, false, false, 1.0, 0.0);
            calls++;
        } while (System.nanoTime() - t0 < 250_000_000L);
        c.getDouble(0);
        double seconds = (System.nanoTime() - t0) / 1e9;
        return 2.0 * N * N * N * calls / seconds / 1e9;
    }
}

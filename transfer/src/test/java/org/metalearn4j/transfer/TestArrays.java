package org.metalearn4j.transfer;

import java.util.Random;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Seeded float64 test data from java.util.Random, independent of ND4J's RNG state. */
public final class TestArrays {
    private TestArrays() {
    }

    /** [rows, cols] standard normal entries. */
    public static INDArray gaussian(int rows, int cols, long seed) {
        Random rnd = new Random(seed);
        double[][] a = new double[rows][cols];
        for (double[] row : a) {
            for (int j = 0; j < cols; j++) {
                row[j] = rnd.nextGaussian();
            }
        }
        return Nd4j.createFromArray(a);
    }
}

package org.metalearn4j.transfer.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class StandardizerTest {
    @Test
    void standardisesColumnsAndLeavesAFloat64InputUntouched() {
        INDArray x = Nd4j.createFromArray(new double[][] {{1, 10, 5}, {3, 30, 5}, {5, 20, 5}});
        INDArray before = x.dup();
        Standardizer s = Standardizer.fit(x);
        INDArray z = s.apply(x);
        assertThat(x).isEqualTo(before);
        assertThat(z.mean(0).toDoubleVector()).containsExactly(new double[] {0, 0, 0}, within(1e-12));
        // population std of 1, 3, 5 is sqrt(8/3); the constant column keeps std 1
        assertThat(z.getDouble(0, 0)).isCloseTo(-2 / Math.sqrt(8.0 / 3), within(1e-12));
        assertThat(z.getColumn(2).toDoubleVector()).containsExactly(new double[] {0, 0, 0}, within(1e-12));
    }
}

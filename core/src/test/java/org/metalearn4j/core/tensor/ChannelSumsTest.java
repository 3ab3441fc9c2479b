package org.metalearn4j.core.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.metalearn4j.core.testing.GradCheck.random;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The BLAS channel sums against ND4J's own axis reductions. */
class ChannelSumsTest {
    @Test
    void sumsOverEveryAxisButTheChannelAxis() {
        INDArray x4 = random(1, 3, 5, 4, 2);
        assertThat(ChannelSums.sum(x4).equalsWithEps(x4.sum(0, 2, 3), 1e-12)).isTrue();
        INDArray x2 = random(2, 7, 5);
        assertThat(ChannelSums.sum(x2).equalsWithEps(x2.sum(0), 1e-12)).isTrue();
        INDArray f = random(3, 25, 64, 7, 7).castTo(DataType.FLOAT);
        assertThat(ChannelSums.sum(f).equalsWithEps(f.sum(0, 2, 3), 1e-3)).isTrue();
        assertThat(ChannelSums.sum(f).shape()).containsExactly(64);
    }

    @Test
    void dotIsTheChannelSumOfTheProduct() {
        INDArray a = random(4, 3, 5, 4, 2);
        INDArray b = random(5, 3, 5, 4, 2);
        assertThat(ChannelSums.dot(a, b).equalsWithEps(a.mul(b).sum(0, 2, 3), 1e-12)).isTrue();
    }
}

package org.metalearn4j.core.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class SoftmaxTest {
    @Test
    void rowProbabilitiesMatchTheDefinitionAndSurviveHugeLogits() {
        INDArray logits = Nd4j.createFromArray(new double[][] {{1, 2, 3}, {1000, 1000, 999}, {-5, 0, 5}});
        INDArray before = logits.dup();
        INDArray p = Softmax.probabilities(logits, 1);
        for (int r = 0; r < 3; r++) {
            double[] z = logits.getRow(r).toDoubleVector();
            double max = Math.max(z[0], Math.max(z[1], z[2]));
            double norm = 0;
            for (double v : z) {
                norm += Math.exp(v - max);
            }
            for (int c = 0; c < 3; c++) {
                assertThat(p.getDouble(r, c)).isCloseTo(Math.exp(z[c] - max) / norm, within(1e-15));
            }
        }
        assertThat(p.getDouble(1, 0)).isCloseTo(1 / (2 + Math.exp(-1)), within(1e-15));
        assertThat(logits).isEqualTo(before);
        assertThat(p.dataType()).isEqualTo(DataType.DOUBLE);
    }

    @Test
    void otherAxesAndTheTensorOpAgree() {
        INDArray logits = Nd4j.rand(DataType.DOUBLE, 4, 5);
        INDArray columns = Softmax.probabilities(logits, 0);
        assertThat(columns.sum(0).toDoubleVector()).containsExactly(new double[] {1, 1, 1, 1, 1}, within(1e-15));
        assertThat(Softmax.probabilities(logits, -1)).isEqualTo(Softmax.probabilities(logits, 1));
        assertThat(Tensor.constant(logits).softmax(1).value()).isEqualTo(Softmax.probabilities(logits, 1));
    }

    @Test
    void anAxisOutsideTheShapeIsNamed() {
        assertThatThrownBy(() -> Softmax.probabilities(Nd4j.zeros(DataType.DOUBLE, 2, 3), 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("softmax");
    }
}

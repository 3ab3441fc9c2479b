package org.metalearn4j.core.tensor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.metalearn4j.core.testing.GradCheck;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** The BLAS level-1 sums, differences and scalings must equal ND4J's ops bit for bit, NaN included. */
class SmallVectorOpsTest {

    @Test
    void sumsDifferencesAndScalingsEqualTheOps() {
        for (DataType type : new DataType[] {DataType.DOUBLE, DataType.FLOAT}) {
            INDArray a = GradCheck.random(1, 10, 40).castTo(type);
            INDArray b = GradCheck.random(2, 10, 40).castTo(type);
            a.putScalar(3, Double.NaN);
            assertBitEqual(SmallVectorOps.addScaled(a, b, 1.0), a.add(b));
            assertBitEqual(SmallVectorOps.addScaled(a, b, -1.0), a.sub(b));
            assertBitEqual(SmallVectorOps.scale(a, 0.01), a.mul(0.01));
            assertBitEqual(SmallVectorOps.scale(a, -1.0 / 3), a.mul(-1.0 / 3));
            INDArray fa = a.dup('f');
            INDArray fb = b.dup('f');
            assertBitEqual(SmallVectorOps.addScaled(fa, fb, 1.0), fa.add(fb));
            INDArray rows = a.get(NDArrayIndex.interval(2, 5), NDArrayIndex.all());
            INDArray otherRows = b.get(NDArrayIndex.interval(4, 7), NDArrayIndex.all());
            assertBitEqual(SmallVectorOps.addScaled(rows, otherRows, -1.0), rows.sub(otherRows));
        }
    }

    @Test
    void declinesWhatItCannotDoExactly() {
        INDArray a = GradCheck.random(3, 4, 6);
        assertThat(SmallVectorOps.addScaled(a, a.dup('f'), 1.0)).as("mixed layouts").isNull();
        assertThat(SmallVectorOps.addScaled(a.get(NDArrayIndex.all(), NDArrayIndex.interval(0, 2, 6)),
                GradCheck.random(4, 4, 3), 1.0)).as("strided view").isNull();
        assertThat(SmallVectorOps.scale(a, 0.0)).as("scaling by zero").isNull();
        assertThat(SmallVectorOps.scale(GradCheck.random(5, 100, 100), 2.0)).as("large").isNull();
    }

    private static void assertBitEqual(INDArray actual, INDArray expected) {
        assertThat(actual).isNotNull();
        assertThat(actual.shape()).isEqualTo(expected.shape());
        assertThat(actual.dup('c').data().asDouble()).isEqualTo(expected.dup('c').data().asDouble());
    }
}

package org.metalearn4j.transfer.instance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.metalearn4j.transfer.TestArrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class DensityRatioWeightsTest {
    // Source N(0, I), target N((1.5, 0), I) in 2-D: the true ratio is exp(1.5 x1 - 1.125), increasing in x1 only.
    private final INDArray source = TestArrays.gaussian(4000, 2, 1);
    private final INDArray target = TestArrays.gaussian(4000, 2, 2)
            .addiRowVector(Nd4j.createFromArray(1.5, 0.0));

    @Test
    void favoursSourcePointsNearTheTarget() {
        INDArray w = DensityRatioWeights.compute(source, target, 1e-4, 50);
        double near = meanWhere(w, source.getColumn(0).gt(1.0));
        double far = meanWhere(w, source.getColumn(0).lt(-1.0));
        assertThat(near).isGreaterThan(10 * far);
        assertThat(w.meanNumber().doubleValue()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void reweightedSourceMeanMovesToTheTargetMean() {
        INDArray w = DensityRatioWeights.compute(source, target, 1e-4, 50);
        INDArray weightedMean = source.mulColumnVector(w.reshape(-1, 1)).mean(0);
        assertThat(weightedMean.getDouble(0)).isCloseTo(1.5, org.assertj.core.data.Offset.offset(0.2));
        assertThat(weightedMean.getDouble(1)).isCloseTo(0.0, org.assertj.core.data.Offset.offset(0.1));
    }

    @Test
    void clipsExtremeRatios() {
        INDArray w = DensityRatioWeights.compute(source, target, 1e-4, 2.0);
        // Before normalisation no ratio exceeds 2, and the smallest ratios are well below 1, so max/min is large but
        // the largest weights are all equal to the clip.
        double max = w.maxNumber().doubleValue();
        long atMax = w.gt(max - 1e-12).castTo(DataType.INT).sumNumber().longValue();
        assertThat(atMax).isGreaterThan(100);
    }

    private static double meanWhere(INDArray w, INDArray mask) {
        INDArray m = mask.castTo(DataType.DOUBLE);
        return w.mul(m).sumNumber().doubleValue() / m.sumNumber().doubleValue();
    }
}

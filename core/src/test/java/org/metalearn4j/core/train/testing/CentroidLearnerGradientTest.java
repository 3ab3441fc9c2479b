package org.metalearn4j.core.train.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.metalearn4j.core.task.EpisodeSpec;
import org.metalearn4j.core.task.Task;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The test learner's hand-written gradient agrees with central finite differences in float64. */
class CentroidLearnerGradientTest {

    @Test
    void gradientMatchesFiniteDifferences() {
        BlobsDatasetProvider provider = new BlobsDatasetProvider();
        Task task = provider.open(new BlobsConfig(5, 8, 4, 2.0, 3L))
                .episodes("meta-train", new EpisodeSpec(3, 2, 4)).sample(11L);
        Nd4j.getRandom().setSeed(5);
        INDArray w = Nd4j.randn(DataType.DOUBLE, 5, 3).muli(0.4);
        INDArray analytic = Nd4j.zeros(DataType.DOUBLE, 5, 3);
        CentroidLearner.lossAndGradient(w, task, analytic);

        INDArray scratch = Nd4j.zeros(DataType.DOUBLE, 5, 3);
        double h = 1e-6;
        double worst = 0;
        for (int i = 0; i < 5; i++) {
            for (int j = 0; j < 3; j++) {
                INDArray plus = w.dup();
                plus.putScalar(i, j, w.getDouble(i, j) + h);
                INDArray minus = w.dup();
                minus.putScalar(i, j, w.getDouble(i, j) - h);
                double numeric = (CentroidLearner.lossAndGradient(plus, task, scratch)[0]
                        - CentroidLearner.lossAndGradient(minus, task, scratch)[0]) / (2 * h);
                double a = analytic.getDouble(i, j);
                worst = Math.max(worst, Math.abs(a - numeric) / Math.max(1e-3, Math.abs(a) + Math.abs(numeric)));
            }
        }
        assertThat(analytic.norm2Number().doubleValue()).isGreaterThan(1e-3);
        assertThat(worst).isLessThan(1e-6);
    }
}

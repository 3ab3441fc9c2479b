package org.metalearn4j.core.learner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.metalearn4j.core.task.Examples;
import org.metalearn4j.core.task.TaskType;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Ensembles average the members' class probabilities (regression: outputs), each member adapting on its own. */
class EnsembleAdapterTest {
    private static final Examples SUPPORT = new Examples(Nd4j.zeros(DataType.FLOAT, 2, 3),
            Nd4j.createFromArray(0L, 1L));

    private static Adapter fixed(double[][] logits) {
        return (support, type, ways) -> x -> Nd4j.createFromArray(logits).castTo(DataType.FLOAT);
    }

    @Test
    void classProbabilitiesAreAveragedAndReturnedAsLogProbabilities() {
        Adapter sure = fixed(new double[][] {{4, 0}, {0, 0}});
        Adapter unsure = fixed(new double[][] {{0, 0}, {0, 3}});
        INDArray out = new EnsembleAdapter(List.of(sure, unsure)).adapt(SUPPORT, TaskType.CLASSIFICATION, 2)
                .predict(Nd4j.zeros(DataType.FLOAT, 2, 3));
        double p = Math.exp(4) / (Math.exp(4) + 1);
        assertThat(Math.exp(out.getDouble(0, 0))).isCloseTo((p + 0.5) / 2, within(1e-6));
        assertThat(Math.exp(out.getDouble(0, 1))).isCloseTo((1 - p + 0.5) / 2, within(1e-6));
        double q = Math.exp(3) / (Math.exp(3) + 1);
        assertThat(Math.exp(out.getDouble(1, 1))).isCloseTo((0.5 + q) / 2, within(1e-6));
        assertThat(out.dataType()).isEqualTo(DataType.FLOAT);
    }

    @Test
    void aSingleMemberKeepsItsAnswersAndRegressionOutputsAreAveraged() {
        INDArray one = new EnsembleAdapter(List.of(fixed(new double[][] {{1, 5, 2}})))
                .adapt(SUPPORT, TaskType.CLASSIFICATION, 3).predict(Nd4j.zeros(DataType.FLOAT, 1, 3));
        assertThat(one.argMax(1).getInt(0)).isEqualTo(1);
        INDArray mean = new EnsembleAdapter(List.of(fixed(new double[][] {{1}, {2}}), fixed(new double[][] {{3}, {6}})))
                .adapt(SUPPORT, TaskType.REGRESSION, 1).predict(Nd4j.zeros(DataType.FLOAT, 2, 3));
        assertThat(mean.getDouble(0, 0)).isEqualTo(2.0);
        assertThat(mean.getDouble(1, 0)).isEqualTo(4.0);
    }

    @Test
    void everyMemberAdaptsToTheSameSupportSetAndAnEmptyEnsembleIsRefused() {
        int[] seen = new int[1];
        Adapter counting = (support, type, ways) -> {
            seen[0] += support.size();
            return x -> Nd4j.zeros(DataType.FLOAT, x.size(0), ways);
        };
        new EnsembleAdapter(List.of(counting, counting, counting)).adapt(SUPPORT, TaskType.CLASSIFICATION, 2);
        assertThat(seen[0]).isEqualTo(6);
        assertThatThrownBy(() -> new EnsembleAdapter(List.of())).hasMessageContaining("at least one member");
    }
}

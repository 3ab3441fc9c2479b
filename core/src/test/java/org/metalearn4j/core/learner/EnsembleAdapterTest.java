package org.metalearn4j.core.learner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.metalearn4j.core.task.Examples;
import org.metalearn4j.core.task.TaskType;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Ensembles average the members' class probabilities (regression: outputs, or Gaussians as a moment-matched mixture),
 * each member adapting on its own.
 */
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
    void gaussianMembersGiveTheMixturesMeanAndVariance() {
        Adapter a = gaussian(1, 1);
        Adapter b = gaussian(3, 2);
        Predictor p = new EnsembleAdapter(List.of(a, b)).adapt(SUPPORT, TaskType.REGRESSION, 1);
        assertThat(p).isInstanceOf(ProbabilisticPredictor.class);
        Prediction d = ((ProbabilisticPredictor) p).distribution(Nd4j.zeros(DataType.FLOAT, 1, 3));
        // E[y] = 2; E[y^2] = ((1 + 1) + (4 + 9)) / 2 = 7.5; Var = 7.5 - 4
        assertThat(d.mean().getDouble(0, 0)).isCloseTo(2.0, within(1e-6));
        assertThat(d.std().getDouble(0, 0)).isCloseTo(Math.sqrt(3.5), within(1e-6));
        assertThat(d.std().dataType()).isEqualTo(DataType.FLOAT);
        assertThat(new EnsembleAdapter(List.of(a, fixed(new double[][] {{0}}))).adapt(SUPPORT, TaskType.REGRESSION, 1))
                .as("a member without a distribution: point predictions only")
                .isNotInstanceOf(ProbabilisticPredictor.class);
    }

    private static Adapter gaussian(double mean, double std) {
        return (support, type, ways) -> (ProbabilisticPredictor) x -> new Prediction(
                Nd4j.valueArrayOf(new long[] {x.size(0), 1}, mean, DataType.FLOAT),
                Nd4j.valueArrayOf(new long[] {x.size(0), 1}, std, DataType.FLOAT));
    }

    @Test
    void everyMemberGetsTheTasksDescriptor() {
        Adapter descriptorAsOutput = new Adapter() {
            @Override
            public Predictor adapt(Examples support, TaskType type, int ways) {
                throw new AssertionError("the descriptor form must be called");
            }

            @Override
            public Predictor adapt(Examples support, TaskType type, int ways, Optional<INDArray> descriptor) {
                return x -> descriptor.orElseThrow().reshape(1, 1);
            }
        };
        INDArray out = new EnsembleAdapter(List.of(descriptorAsOutput, descriptorAsOutput))
                .adapt(SUPPORT, TaskType.REGRESSION, 1, Optional.of(Nd4j.createFromArray(0.25)))
                .predict(Nd4j.zeros(DataType.FLOAT, 1, 3));
        assertThat(out.getDouble(0, 0)).isEqualTo(0.25);
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

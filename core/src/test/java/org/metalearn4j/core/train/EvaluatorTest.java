package org.metalearn4j.core.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.metalearn4j.core.learner.Adapter;
import org.metalearn4j.core.learner.Prediction;
import org.metalearn4j.core.learner.Predictor;
import org.metalearn4j.core.learner.ProbabilisticPredictor;
import org.metalearn4j.core.task.Examples;
import org.metalearn4j.core.task.Seeds;
import org.metalearn4j.core.task.Task;
import org.metalearn4j.core.task.TaskSource;
import org.metalearn4j.core.task.TaskType;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class EvaluatorTest {

    /** Episode seeds alternate the query labels so a constant predictor scores 1, 0, 1, 0, ... */
    @Test
    void accuracyMeanAndConfidenceIntervalFollowTheFormula() {
        int[] parity = {0};
        TaskSource source = seed -> {
            int label = parity[0]++ % 2;
            Examples ex = new Examples(Nd4j.zeros(DataType.DOUBLE, 1, 2), Nd4j.createFromArray(new int[]{label}));
            return new Task(ex, ex, TaskType.CLASSIFICATION, 2, 1, "toy");
        };
        Adapter alwaysZero = (support, type, ways) -> x -> Nd4j.createFromArray(new double[][]{{1, 0}});

        EvalResult r = Evaluator.evaluate(alwaysZero, source, 10, 1L);

        // Five 1s and five 0s: mean 0.5, sample std sqrt(10 * 0.25 / 9).
        assertThat(r.metric()).isEqualTo("accuracy");
        assertThat(r.value()).isEqualTo(0.5);
        assertThat(r.ci95()).isCloseTo(1.96 * Math.sqrt(2.5 / 9) / Math.sqrt(10), within(1e-12));
        assertThat(r.episodes()).isEqualTo(10);
        assertThat(r.secondary()).isEmpty();
    }

    /** The per-episode scores behind a paired comparison, in episode order, summarised as evaluate reports them. */
    @Test
    void episodeScoresKeepEachEpisodeInOrder() {
        TaskSource source = seed -> {
            double target = seed % 2 == 0 ? 1 : 3;
            Examples ex = new Examples(Nd4j.zeros(DataType.FLOAT, 1, 1),
                    Nd4j.createFromArray(new float[][]{{(float) target}}));
            return new Task(ex, ex, TaskType.REGRESSION, 1, 1, "toy");
        };
        Adapter gaussian = (support, type, ways) -> (ProbabilisticPredictor) x -> new Prediction(
                Nd4j.zeros(DataType.FLOAT, 1, 1), Nd4j.ones(DataType.FLOAT, 1, 1));

        EpisodeScores scores = Evaluator.episodeScores(gaussian, source, 6, 5L, EvalProgress.NONE);

        double[] expected = new double[6];
        for (int i = 0; i < 6; i++) {
            double target = Seeds.derive(5L, i) % 2 == 0 ? 1 : 3;
            expected[i] = target * target;
        }
        assertThat(scores.values()).containsExactly(expected);
        assertThat(scores.logLikelihoods()).hasValueSatisfying(ll -> {
            for (int i = 0; i < 6; i++) {
                assertThat(ll[i]).isCloseTo(-0.5 * Math.log(2 * Math.PI) - expected[i] / 2, within(1e-6));
            }
        });
        assertThat(scores.summary()).isEqualTo(Evaluator.evaluate(gaussian, source, 6, 5L));
    }

    @Test
    void regressionReportsMeanSquaredError() {
        TaskSource source = seed -> {
            Examples ex = new Examples(Nd4j.zeros(DataType.DOUBLE, 2, 1),
                    Nd4j.createFromArray(new double[][]{{1}, {3}}));
            return new Task(ex, ex, TaskType.REGRESSION, 1, 2, "toy");
        };
        Adapter zero = (support, type, ways) -> x -> Nd4j.zeros(DataType.DOUBLE, 2, 1);

        EvalResult r = Evaluator.evaluate(zero, source, 3, 1L);

        assertThat(r.metric()).isEqualTo("mse");
        assertThat(r.value()).isEqualTo(5.0);
        assertThat(r.ci95()).isEqualTo(0.0);
        assertThat(r.secondary()).isEmpty();
    }

    /**
     * Targets 1 and 3 under N(0, 2^2): log-likelihoods -log(2 sqrt(2 pi)) - 1/8 and - 9/8, mean -log(2 sqrt(2 pi))
     * - 5/8; the MSE comes from the means.
     */
    @Test
    void probabilisticPredictorsAreAlsoScoredByTheGaussianLogLikelihood() {
        TaskSource source = seed -> {
            Examples ex = new Examples(Nd4j.zeros(DataType.FLOAT, 2, 1),
                    Nd4j.createFromArray(new float[][]{{1}, {3}}));
            return new Task(ex, ex, TaskType.REGRESSION, 1, 2, "toy");
        };
        Adapter gaussian = (support, type, ways) -> (ProbabilisticPredictor) x -> new Prediction(
                Nd4j.zeros(DataType.FLOAT, 2, 1), Nd4j.valueArrayOf(new long[] {2, 1}, 2f));

        EvalResult r = Evaluator.evaluate(gaussian, source, 4, 1L);

        assertThat(r.value()).isEqualTo(5.0);
        EvalResult.Estimate ll = r.secondary().get(Evaluator.LOG_LIKELIHOOD);
        assertThat(ll.value()).isCloseTo(-Math.log(2 * Math.sqrt(2 * Math.PI)) - 5.0 / 8, within(1e-12));
        assertThat(ll.ci95()).isZero();
        assertThat(r.secondaryValues()).containsOnlyKeys("logLikelihood", "logLikelihood.ci95");
    }

    @Test
    void aZeroStandardDeviationFailsNamingTheTask() {
        TaskSource source = seed -> {
            Examples ex = new Examples(Nd4j.zeros(DataType.FLOAT, 1, 1), Nd4j.ones(DataType.FLOAT, 1, 1));
            return new Task(ex, ex, TaskType.REGRESSION, 1, 1, "toy/meta-test");
        };
        Adapter degenerate = (support, type, ways) -> (ProbabilisticPredictor) x -> new Prediction(
                Nd4j.zeros(DataType.FLOAT, 1, 1), Nd4j.zeros(DataType.FLOAT, 1, 1));

        assertThatThrownBy(() -> Evaluator.evaluate(degenerate, source, 1, 1L))
                .hasMessageContaining("toy/meta-test").hasMessageContaining("standard deviation <= 0");
    }

    @Test
    void adaptersReceiveTheTasksDescriptor() {
        INDArray descriptor = Nd4j.createFromArray(2.5f, -1f);
        TaskSource source = seed -> {
            Examples ex = new Examples(Nd4j.zeros(DataType.FLOAT, 1, 1), Nd4j.ones(DataType.FLOAT, 1, 1));
            return new Task(ex, ex, TaskType.REGRESSION, 1, 1, "toy", Optional.of(descriptor));
        };
        Adapter usesDescriptor = new Adapter() {
            @Override
            public Predictor adapt(Examples support, TaskType type, int ways) {
                throw new AssertionError("the evaluator must pass the descriptor");
            }

            @Override
            public Predictor adapt(Examples support, TaskType type, int ways, Optional<INDArray> d) {
                float first = d.orElseThrow().getFloat(0);
                return x -> Nd4j.valueArrayOf(new long[] {1, 1}, first);
            }
        };

        assertThat(Evaluator.evaluate(usesDescriptor, source, 2, 1L).value()).isEqualTo(1.5 * 1.5);
        assertThatThrownBy(() -> new Task(source.sample(0).support(), source.sample(0).query(), TaskType.REGRESSION,
                1, 1, "toy", Optional.of(Nd4j.zeros(2, 2)))).hasMessageContaining("descriptor must be a vector");
    }
}

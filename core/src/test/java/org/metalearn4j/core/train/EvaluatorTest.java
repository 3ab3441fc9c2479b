package org.metalearn4j.core.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.metalearn4j.core.learner.Adapter;
import org.metalearn4j.core.task.Examples;
import org.metalearn4j.core.task.Task;
import org.metalearn4j.core.task.TaskSource;
import org.metalearn4j.core.task.TaskType;
import org.nd4j.linalg.api.buffer.DataType;
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
    }
}

package org.metalearn4j.model.taskembed;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.metalearn4j.core.learner.Adapter;
import org.metalearn4j.core.learner.TaskEncoder;
import org.metalearn4j.core.task.Seeds;
import org.metalearn4j.core.task.Task;
import org.metalearn4j.core.task.TaskSource;
import org.metalearn4j.core.train.Evaluator;
import org.metalearn4j.model.SinusoidTasks;
import org.metalearn4j.model.Training;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * On sinusoids {@code A sin(x + p) = A cos(p) sin(x) + A sin(p) cos(x)}, whose exact solution parameters are the
 * coefficients {@code (A cos p, A sin p)} of the basis {@code (sin x, cos x)}, the trained task encoder's embedding
 * distances rank 400 fixed pairs of unseen tasks like the distances between those true parameters; and its
 * nearest-known-task warm start fits 5-point tasks better than the same ridge regression started from zero.
 */
class TaskEmbeddingTest {
    private static final TaskSource TRAIN = new SinusoidTasks(10, 10);

    @Test
    void embeddingDistancesRankTaskPairsLikeTheirTrueParameterDistances() {
        TaskEncoderLearner learner = (TaskEncoderLearner) Training.learner("task-encoder",
                "{hidden: 32, embeddingSize: 8, features: 48, bandwidth: 1.0, knownTasks: 400,"
                        + " optimizer: {learningRate: 0.003}}", TRAIN, new long[] {1});
        TaskEncoder untrained = learner.taskEncoder();
        Training.run(learner, TRAIN, 100, 16);
        TaskEncoder trained = learner.taskEncoder();

        TaskSource test = new SinusoidTasks(10, 1);
        double[] truth = new double[400];
        double[] before = new double[400];
        double[] after = new double[400];
        for (int i = 0; i < truth.length; i++) {
            Task a = test.sample(Seeds.derive(77, i, 0));
            Task b = test.sample(Seeds.derive(77, i, 1));
            truth[i] = distance(coefficients(a), coefficients(b));
            before[i] = distance(untrained.encode(a.support()), untrained.encode(b.support()));
            after[i] = distance(trained.encode(a.support()), trained.encode(b.support()));
        }
        double rankBefore = Spearman.of(before, truth);
        double rankAfter = Spearman.of(after, truth);
        System.out.printf("rank correlation of embedding and parameter distances: %.3f -> %.3f%n", rankBefore,
                rankAfter);
        assertThat(rankAfter).isGreaterThan(0.75).isGreaterThan(rankBefore + 0.2);
        assertThat(trained.dimension()).isEqualTo(8);

        TaskSource fewShot = new SinusoidTasks(5, 50);
        Adapter warm = learner.adapter();
        TaskEncoderLearner cold = (TaskEncoderLearner) Training.learner("task-encoder",
                "{hidden: 32, embeddingSize: 8, features: 48, bandwidth: 1.0}", TRAIN, new long[] {1});
        double warmMse = Evaluator.evaluate(warm, fewShot, 100, 3).value();
        double coldMse = Evaluator.evaluate(cold.adapter(), fewShot, 100, 3).value();
        System.out.printf("5-shot MSE: nearest-known-task warm start %.3f, cold ridge %.3f%n", warmMse, coldMse);
        assertThat(warmMse).isLessThan(0.6 * coldMse);
    }

    /** {@code (A cos p, A sin p)} from the descriptor {@code [A, p]}. */
    private static double[] coefficients(Task t) {
        double[] d = t.descriptor().orElseThrow().toDoubleVector();
        return new double[] {d[0] * Math.cos(d[1]), d[0] * Math.sin(d[1])};
    }

    private static double distance(double[] a, double[] b) {
        return Math.hypot(a[0] - b[0], a[1] - b[1]);
    }

    private static double distance(INDArray a, INDArray b) {
        return a.castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE).sub(b.castTo(
                org.nd4j.linalg.api.buffer.DataType.DOUBLE)).norm2Number().doubleValue();
    }
}

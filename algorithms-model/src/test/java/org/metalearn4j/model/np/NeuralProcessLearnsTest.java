package org.metalearn4j.model.np;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.metalearn4j.core.learner.Learner;
import org.metalearn4j.core.train.EvalResult;
import org.metalearn4j.core.train.Evaluator;
import org.metalearn4j.model.LineTasks;
import org.metalearn4j.model.Training;

/**
 * Neural processes learn noisy lines: after 200 steps of 8 tasks (contexts of 3 to 10 of 20 points, widths 32) the
 * query MSE on 100 fixed test tasks with 5-point contexts falls far below the untrained network's (and below the 2.1
 * of predicting 0) and the per-point log-likelihood rises by more than a nat. Seeded; the measured values are printed.
 */
class NeuralProcessLearnsTest {
    private static final String SMALL = "{hidden: 32, heads: 4, latentSize: 16, encoderLayers: 2, decoderLayers: 2,"
            + " evalSamples: 4, optimizer: {learningRate: 0.002}}";

    @ParameterizedTest
    @ValueSource(strings = {"cnp", "np", "anp"})
    void queryMseFallsAndLogLikelihoodRises(String name) {
        LineTasks train = new LineTasks(10, 10, 3);
        LineTasks test = new LineTasks(5, 20, 0);
        Learner learner = Training.learner(name, SMALL, train, new long[] {1});
        EvalResult before = Evaluator.evaluate(learner.adapter(), test, 100, 3);
        Training.run(learner, train, 200, 8);
        EvalResult after = Evaluator.evaluate(learner.adapter(), test, 100, 3);
        double llBefore = before.secondary().get(Evaluator.LOG_LIKELIHOOD).value();
        double llAfter = after.secondary().get(Evaluator.LOG_LIKELIHOOD).value();
        System.out.printf("%s: MSE %.3f -> %.3f, log-likelihood %.3f -> %.3f%n", name, before.value(), after.value(),
                llBefore, llAfter);
        assertThat(after.value()).isLessThan(0.5 * before.value()).isLessThan(1.0);
        assertThat(llAfter).isGreaterThan(llBefore + 1.0);
    }
}

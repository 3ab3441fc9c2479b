package org.metalearn4j.datasets.generated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.metalearn4j.core.dataset.Dataset;
import org.metalearn4j.core.dataset.DatasetException;
import org.metalearn4j.core.learner.Adapter;
import org.metalearn4j.core.learner.Prediction;
import org.metalearn4j.core.learner.ProbabilisticPredictor;
import org.metalearn4j.core.task.EpisodeSpec;
import org.metalearn4j.core.task.Task;
import org.metalearn4j.core.task.TaskSource;
import org.metalearn4j.core.task.TaskType;
import org.metalearn4j.core.train.EvalResult;
import org.metalearn4j.core.train.Evaluator;

/** The neural-process 1-D protocol on gp-curves, its descriptors, and the exact GP posterior beside it. */
class GpProtocolTest {
    private static final EpisodeSpec PROTOCOL = new EpisodeSpec(1, 47, 3);
    private static final Dataset GP = new GpCurvesProvider().open(GpCurvesProvider.npProtocol());

    /** Draws of the default configuration as the code before the protocol drew them (float bits, seeds 1 and 42). */
    @Test
    void theDefaultFamilyDrawsExactlyWhatItDrewBefore() {
        GpCurvesFamily f = new GpCurvesFamily(new GpCurvesProvider().defaults());
        float[] x = new float[6];
        float[] y = new float[6];
        f.sample(new SplittableRandom(1), x, y);
        assertThat(Float.floatToIntBits(x[0])).isEqualTo(1065070135);
        assertThat(Float.floatToIntBits(y[0])).isEqualTo(-1077691778);
        assertThat(Float.floatToIntBits(y[5])).isEqualTo(1042197152);
        f.sample(new SplittableRandom(42), x, y);
        assertThat(Float.floatToIntBits(x[3])).isEqualTo(-1075017905);
        assertThat(Float.floatToIntBits(y[4])).isEqualTo(1066090217);
        assertThat(Float.floatToIntBits(y[5])).isEqualTo(-1105630862);
    }

    @Test
    void protocolTasksHaveFiftyPointsThreeToFortySevenOfThemContextAndTheirKernelAsDescriptor() {
        TaskSource source = GP.episodes("meta-test", PROTOCOL);
        int smallest = Integer.MAX_VALUE;
        int largest = 0;
        for (long seed = 0; seed < 400; seed++) {
            Task t = source.sample(seed);
            int context = t.support().size();
            smallest = Math.min(smallest, context);
            largest = Math.max(largest, context);
            assertThat(context + t.query().size()).isEqualTo(50);
            assertThat(t.shots()).isEqualTo(context);
            double[] d = t.descriptor().orElseThrow().toDoubleVector();
            assertThat(d[0]).isBetween(0.1, 0.6);
            assertThat(d[1]).isBetween(0.1, 1.0);
            for (double x : t.query().x().toDoubleVector()) {
                assertThat(x).isBetween(-2.0, 2.0);
            }
        }
        assertThat(smallest).isEqualTo(3);
        assertThat(largest).isEqualTo(47);
        assertThat(source.sample(7).query().y()).isEqualTo(source.sample(7).query().y());
        assertThatThrownBy(() -> GP.episodes("meta-test", new EpisodeSpec(1, 2, 3)))
                .isInstanceOf(DatasetException.class).hasMessageContaining("minContext 3 exceeds the episode's shot 2");
    }

    /**
     * On one point observed twice the posterior is known in closed form: with k(x,x) = s^2, noise n and two
     * observations y1, y2 at the same x, the mean at x is s^2 (y1 + y2) / (2 s^2 + n) and the variance of a new noisy
     * observation there s^2 + n - 2 s^4 / (2 s^2 + n).
     */
    @Test
    void theOracleIsTheClosedFormPosterior() {
        GpCurvesConfig config = GpCurvesProvider.npProtocol();
        double n = 0.02 * 0.02 + 1e-6;
        double s2 = 0.49;
        var support = new org.metalearn4j.core.task.Examples(
                org.nd4j.linalg.factory.Nd4j.createFromArray(new double[][] {{0.3}, {0.3}}),
                org.nd4j.linalg.factory.Nd4j.createFromArray(new double[][] {{0.5}, {0.7}}));
        ProbabilisticPredictor p = (ProbabilisticPredictor) new GpOracle(config).adapt(support, TaskType.REGRESSION,
                1, java.util.Optional.of(org.nd4j.linalg.factory.Nd4j.createFromArray(0.4, 0.7)));
        Prediction at = p.distribution(org.nd4j.linalg.factory.Nd4j.createFromArray(new double[][] {{0.3}}));
        assertThat(at.mean().getDouble(0)).isCloseTo(s2 * 1.2 / (2 * s2 + n), within(1e-12));
        assertThat(at.std().getDouble(0)).isCloseTo(Math.sqrt(s2 + n - 2 * s2 * s2 / (2 * s2 + n)), within(1e-12));
        Prediction far = p.distribution(org.nd4j.linalg.factory.Nd4j.createFromArray(new double[][] {{100.0}}));
        assertThat(far.mean().getDouble(0)).isCloseTo(0.0, within(1e-12));
        assertThat(far.std().getDouble(0)).isCloseTo(Math.sqrt(s2 + n), within(1e-12));
        assertThatThrownBy(() -> new GpOracle(config).adapt(support, TaskType.REGRESSION, 1))
                .hasMessageContaining("descriptor");
    }

    /**
     * On the protocol's tasks the exact posterior predicts better than a constant N(0, 1) guess, and its per-point
     * log-likelihood sits near the ceiling the noise allows: the targets' own noise (std 0.02) caps it at about
     * -log(0.02 sqrt(2 pi e)) = 2.5 nats, while points far from the context fall back towards the prior.
     */
    @Test
    void theOracleBeatsTheUnconditionalGuessOnProtocolTasks() {
        TaskSource source = GP.episodes("meta-test", PROTOCOL);
        EvalResult oracle = Evaluator.evaluate(new GpOracle(GpCurvesProvider.npProtocol()), source, 300, 5);
        Adapter prior = (support, type, ways) -> (ProbabilisticPredictor) x -> new Prediction(
                org.nd4j.linalg.factory.Nd4j.zerosLike(x), org.nd4j.linalg.factory.Nd4j.onesLike(x));
        EvalResult guess = Evaluator.evaluate(prior, source, 300, 5);
        double ll = oracle.secondary().get(Evaluator.LOG_LIKELIHOOD).value();
        System.out.printf("GP oracle on 300 protocol tasks: MSE %.4f, log-likelihood %.3f +- %.3f; N(0,1): %.3f%n",
                oracle.value(), ll, oracle.secondary().get(Evaluator.LOG_LIKELIHOOD).ci95(),
                guess.secondary().get(Evaluator.LOG_LIKELIHOOD).value());
        assertThat(ll).isGreaterThan(guess.secondary().get(Evaluator.LOG_LIKELIHOOD).value() + 1.0).isLessThan(2.5);
        assertThat(oracle.value()).isLessThan(guess.value());
    }
}

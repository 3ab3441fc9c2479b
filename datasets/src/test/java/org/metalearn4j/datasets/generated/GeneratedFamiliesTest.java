package org.metalearn4j.datasets.generated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.metalearn4j.core.config.ConfigBinder;
import org.metalearn4j.core.config.ConfigMappers;
import org.metalearn4j.core.dataset.Dataset;
import org.metalearn4j.core.dataset.DatasetException;
import org.metalearn4j.core.spi.ConfigException;
import org.metalearn4j.core.task.EpisodeSpec;
import org.metalearn4j.core.task.Task;
import org.metalearn4j.core.task.TaskSource;
import org.metalearn4j.core.task.TaskType;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

class GeneratedFamiliesTest {
    private static final EpisodeSpec TEN_SHOT = new EpisodeSpec(1, 10, 20);

    @Test
    void sinusoidTasksHaveTheAgreedShapesAndAreSeeded() {
        SinusoidProvider provider = new SinusoidProvider();
        TaskSource source = provider.open(provider.defaults()).episodes("meta-train", TEN_SHOT);
        Task task = source.sample(5);
        assertThat(task.type()).isEqualTo(TaskType.REGRESSION);
        assertThat(task.support().x().shape()).containsExactly(10, 1);
        assertThat(task.query().y().shape()).containsExactly(20, 1);
        assertThat(task.support().y().dataType()).isEqualTo(DataType.FLOAT);
        assertThat(task.domain()).isEqualTo("sinusoid/meta-train");
        assertThat(source.sample(5).query().y()).isEqualTo(task.query().y());
        assertThat(source.sample(6).query().y()).isNotEqualTo(task.query().y());
    }

    @Test
    void splitsDrawDifferentFunctionsForTheSameSeed() {
        Dataset data = new SinusoidProvider().open(new SinusoidProvider().defaults());
        Task train = data.episodes("meta-train", TEN_SHOT).sample(1);
        Task test = data.episodes("meta-test", TEN_SHOT).sample(1);
        assertThat(train.support().x()).isNotEqualTo(test.support().x());
    }

    /** y = A sin(x + p) = a sin x + b cos x: support and query must fit one (a, b) exactly, with A in [0.1, 5]. */
    @Test
    void supportAndQueryComeFromOneSinusoidWithinTheConfiguredRanges() {
        SinusoidProvider provider = new SinusoidProvider();
        TaskSource source = provider.open(provider.defaults()).episodes("meta-test", TEN_SHOT);
        for (long seed = 0; seed < 50; seed++) {
            Task task = source.sample(seed);
            double[] x = concat(task.support().x().toDoubleVector(), task.query().x().toDoubleVector());
            double[] y = concat(task.support().y().toDoubleVector(), task.query().y().toDoubleVector());
            double ss = 0, sc = 0, cc = 0, sy = 0, cy = 0;
            for (int i = 0; i < x.length; i++) {
                assertThat(x[i]).isBetween(-5.0, 5.0);
                double s = Math.sin(x[i]);
                double c = Math.cos(x[i]);
                ss += s * s;
                sc += s * c;
                cc += c * c;
                sy += s * y[i];
                cy += c * y[i];
            }
            double det = ss * cc - sc * sc;
            double a = (sy * cc - cy * sc) / det;
            double b = (cy * ss - sy * sc) / det;
            for (int i = 0; i < x.length; i++) {
                assertThat(a * Math.sin(x[i]) + b * Math.cos(x[i])).isCloseTo(y[i], within(1e-4));
            }
            assertThat(Math.hypot(a, b)).isBetween(0.1 - 1e-4, 5.0 + 1e-4);
            // phase in [0, pi] means the cos coefficient b = A sin(p) is non-negative.
            assertThat(b).isGreaterThanOrEqualTo(-1e-4);
        }
    }

    @Test
    void harmonicValuesAreBoundedByTheSumOfAmplitudes() {
        HarmonicProvider provider = new HarmonicProvider();
        TaskSource source = provider.open(provider.defaults()).episodes("meta-train", TEN_SHOT);
        double largest = 0;
        for (long seed = 0; seed < 200; seed++) {
            for (double v : source.sample(seed).query().y().toDoubleVector()) {
                largest = Math.max(largest, Math.abs(v));
            }
        }
        assertThat(largest).isLessThanOrEqualTo(2 * 2.5 + 1e-4).isGreaterThan(1.0);
    }

    /** With a fixed length scale, E[y(x1) y(x2)] must match the RBF kernel and E[y^2] the signal variance. */
    @Test
    void gpCurvesHaveTheKernelsCovariance() {
        GpCurvesFamily family = new GpCurvesFamily(new GpCurvesConfig(0.5, 0.5, 1.0, 1.0, 0.0, -2.0, 2.0, 0));
        SplittableRandom random = new SplittableRandom(11);
        int samples = 4000;
        double residual = 0;
        double square = 0;
        float[] x = new float[2];
        float[] y = new float[2];
        for (int s = 0; s < samples; s++) {
            family.sample(random, x, y);
            double d = x[0] - x[1];
            residual += y[0] * y[1] - Math.exp(-d * d / (2 * 0.25));
            square += y[0] * y[0];
        }
        // Standard errors are about 1/sqrt(4000) = 0.016 for the first and 0.022 for the second.
        assertThat(residual / samples).isCloseTo(0.0, within(0.08));
        assertThat(square / samples).isCloseTo(1.0, within(0.1));
    }

    /** Bayesian MAML's protocol: frequency in [0.5, 2], noise 0.01 A, a finite set of training functions. */
    @Test
    void sinusoidFrequencyNoiseAndAFiniteTrainingSet() throws Exception {
        SinusoidProvider provider = new SinusoidProvider();
        SinusoidConfig bmaml = ConfigBinder.bindParams(provider, ConfigMappers.yaml().readTree(
                "{phaseMax: 6.283185307179586, frequencyMin: 0.5, frequencyMax: 2, noise: 0.01, trainTasks: 3}"),
                "dataset.params", null);
        Dataset data = provider.open(bmaml);
        TaskSource train = data.episodes("meta-train", TEN_SHOT);
        java.util.Set<String> functions = new java.util.HashSet<>();
        for (long seed = 0; seed < 60; seed++) {
            functions.add(train.sample(seed).support().y().toString());
        }
        assertThat(functions).hasSize(3);
        TaskSource test = data.episodes("meta-test", TEN_SHOT);
        java.util.Set<String> fresh = new java.util.HashSet<>();
        for (long seed = 0; seed < 20; seed++) {
            fresh.add(test.sample(seed).support().y().toString());
        }
        assertThat(fresh).hasSize(20);
        // the family draws amplitude, phase and frequency in that order, then each input and its noise
        SinusoidFamily family = new SinusoidFamily(new SinusoidConfig(1, 2, 0, 1, -5, 5, 0.5, 2, 0.01, 0));
        float[] x = new float[50];
        float[] y = new float[50];
        family.sample(new SplittableRandom(3), x, y);
        SplittableRandom same = new SplittableRandom(3);
        double amplitude = same.nextDouble(1, 2);
        double phase = same.nextDouble(0, 1);
        double frequency = same.nextDouble(0.5, 2);
        double squares = 0;
        for (int i = 0; i < x.length; i++) {
            double residual = y[i] - amplitude * Math.sin(frequency * x[i] + phase);
            squares += residual * residual;
        }
        assertThat(Math.sqrt(squares / x.length) / amplitude).as("noise standard deviation / amplitude")
                .isBetween(0.006, 0.014);
        assertThat(provider.open(provider.defaults()).episodes("meta-train", TEN_SHOT).sample(5).support().y())
                .as("the defaults are still MAML's sinusoid").isEqualTo(new SinusoidProvider().open(
                        new SinusoidConfig(0.1, 5.0, 0, Math.PI, -5, 5, 1, 1, 0, 0)).episodes("meta-train", TEN_SHOT)
                        .sample(5).support().y());
    }

    @Test
    void quadraticsAreLinearRegressionOnTheirRowsWithTheFunctionItselfAsQuery() {
        QuadraticProvider provider = new QuadraticProvider();
        Dataset data = provider.open(provider.defaults());
        assertThat(data.inputShape()).containsExactly(10);
        Task task = data.episodes("meta-train", new EpisodeSpec(1, 10, 10)).sample(4);
        assertThat(task.support().x().shape()).containsExactly(10, 10);
        assertThat(task.support().y().shape()).containsExactly(10, 1);
        assertThat(task.query()).isEqualTo(task.support());
        assertThat(task.support().x().minNumber().doubleValue()).isGreaterThanOrEqualTo(0.0);
        assertThat(task.support().x().maxNumber().doubleValue()).isLessThan(1.0);
        assertThat(data.episodes("meta-test", new EpisodeSpec(1, 10, 10)).sample(4).support().x())
                .isNotEqualTo(task.support().x());
        Dataset gaussian = provider.open(new QuadraticConfig(3, QuadraticConfig.Distribution.GAUSSIAN, 1));
        assertThat(gaussian.episodes("meta-train", new EpisodeSpec(1, 3, 3)).sample(1).support().x()
                .minNumber().doubleValue()).isLessThan(0.0);
        assertThatThrownBy(() -> data.episodes("meta-train", new EpisodeSpec(1, 10, 5)))
                .isInstanceOf(DatasetException.class).hasMessageContaining("query must equal shot (10), got 5");
    }

    /** A batch of quadratics is block diagonal: the mean loss of the quadratics, each block seeing its own. */
    @Test
    void aBatchOfQuadraticsIsOneBlockDiagonalRegression() {
        Dataset batched = new QuadraticProvider().open(new QuadraticConfig(3, QuadraticConfig.Distribution.UNIFORM,
                4));
        assertThat(batched.inputShape()).containsExactly(12);
        Task task = batched.episodes("meta-train", new EpisodeSpec(1, 3, 3)).sample(2);
        var x = task.support().x();
        assertThat(x.shape()).containsExactly(12, 12);
        for (int r = 0; r < 12; r++) {
            for (int c = 0; c < 12; c++) {
                boolean block = r / 3 == c / 3;
                assertThat(x.getDouble(r, c) != 0).as("(%d, %d)", r, c).isEqualTo(block);
            }
        }
        assertThat(task.support().y().shape()).containsExactly(12, 1);
    }

    @Test
    void badRangesAndWaysFailClearly() throws Exception {
        assertThatThrownBy(() -> ConfigBinder.bindParams(new SinusoidProvider(),
                ConfigMappers.yaml().readTree("{amplitudeMin: 5, amplitudeMax: 0.1}"), "dataset.params", "r.yaml"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("dataset.params.amplitudeMin: expected a finite number <= amplitudeMax, got"
                        + " amplitudeMin=5.0, amplitudeMax=0.1 (in r.yaml)");
        assertThatThrownBy(() -> ConfigBinder.bindParams(new GpCurvesProvider(),
                ConfigMappers.yaml().readTree("lengthScaleMin: 0"), "dataset.params", "r.yaml"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("dataset.params.lengthScaleMin: expected a finite number > 0, got 0.0");
        Dataset gp = new GpCurvesProvider().open(new GpCurvesProvider().defaults());
        assertThatThrownBy(() -> gp.episodes("meta-train", new EpisodeSpec(5, 1, 1)))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("way 1");
        assertThatThrownBy(() -> gp.labeled("train")).isInstanceOf(DatasetException.class);
    }

    private static double[] concat(double[] a, double[] b) {
        double[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}

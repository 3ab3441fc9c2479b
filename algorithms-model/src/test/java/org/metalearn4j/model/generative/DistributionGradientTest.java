package org.metalearn4j.model.generative;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.metalearn4j.core.tensor.Tensor;
import org.metalearn4j.core.testing.GradCheck;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/** The generative models' building blocks: values against closed forms, derivatives against finite differences. */
class DistributionGradientTest {

    @Test
    void gaussianKlMatchesTheClosedFormAndVanishesForEqualDistributions() {
        // KL(N(1, 4) || N(0, 1)) = (log(1/4) + 4 + 1 - 1) / 2
        DiagonalGaussian q = new DiagonalGaussian(scalar(1), scalar(Math.log(4)));
        DiagonalGaussian p = new DiagonalGaussian(scalar(0), scalar(0));
        assertThat(q.kl(p).item()).isCloseTo((Math.log(0.25) + 4) / 2, within(1e-12));
        assertThat(q.kl(q).item()).isCloseTo(0, within(1e-15));
        assertThat(q.sample(scalar(0.5)).item()).isCloseTo(1 + 2 * 0.5, within(1e-12));
    }

    @Test
    void bernoulliLogLikelihoodIsTheLogOfTheSigmoidProbabilities() {
        double logit = 0.7;
        double p = 1 / (1 + Math.exp(-logit));
        assertThat(Bernoulli.logLikelihood(scalar(logit), scalar(1)).item()).isCloseTo(Math.log(p), within(1e-12));
        assertThat(Bernoulli.logLikelihood(scalar(logit), scalar(0)).item()).isCloseTo(Math.log(1 - p),
                within(1e-12));
    }

    @Test
    void gaussianFromALayerSamplesAndKlHaveExactFirstAndSecondDerivatives() {
        var output = GradCheck.random(1, 3, 4);
        var other = GradCheck.random(2, 3, 4);
        var eps = GradCheck.random(3, 3, 2);
        GradCheck.firstOrder(xs -> {
            DiagonalGaussian q = DiagonalGaussian.of(xs.get(0));
            return q.kl(DiagonalGaussian.of(xs.get(1))).add(q.sample(Tensor.constant(eps)).sum());
        }, List.of(output, other));
        GradCheck.secondOrder(xs -> DiagonalGaussian.of(xs.get(0)).kl(DiagonalGaussian.of(xs.get(1))),
                List.of(output, other));
    }

    @Test
    void bernoulliLogLikelihoodHasExactFirstAndSecondDerivatives() {
        var targets = GradCheck.positive(4, 0, 1, 2, 5);
        GradCheck.firstOrder(xs -> Bernoulli.logLikelihood(xs.get(0), Tensor.constant(targets)),
                List.of(GradCheck.random(5, 2, 5)));
        GradCheck.secondOrder(xs -> Bernoulli.logLikelihood(xs.get(0), Tensor.constant(targets)),
                List.of(GradCheck.random(6, 2, 5)));
    }

    @Test
    void noiseIsAPureFunctionOfItsSeedWithUnitVariance() {
        double[] a = new Noise(9).next(DataType.DOUBLE, 20000).value().toDoubleVector();
        double[] b = new Noise(9).next(DataType.DOUBLE, 20000).value().toDoubleVector();
        assertThat(a).containsExactly(b);
        double mean = java.util.Arrays.stream(a).average().orElseThrow();
        double variance = java.util.Arrays.stream(a).map(v -> (v - mean) * (v - mean)).sum() / a.length;
        assertThat(mean).isCloseTo(0, within(0.03));
        assertThat(variance).isCloseTo(1, within(0.05));
    }

    private static Tensor scalar(double v) {
        return Tensor.constant(Nd4j.scalar(DataType.DOUBLE, v).reshape(1));
    }
}

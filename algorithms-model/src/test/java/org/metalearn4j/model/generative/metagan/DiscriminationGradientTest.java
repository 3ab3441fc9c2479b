package org.metalearn4j.model.generative.metagan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.metalearn4j.core.tensor.Tensor;
import org.metalearn4j.core.testing.GradCheck;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** MetaGAN's losses: values against the (N+1)-class formulas, derivatives of both orders against differences. */
class DiscriminationGradientTest {
    private static final int[] LABELS = {0, 2, 1, 2};

    @Test
    void realnessIsTheLogOddsOfTheRealClassesAgainstTheFakeOne() {
        Tensor logits = Tensor.constant(Nd4j.create(new double[][] {{1, 2, 0}, {-3, 0.5, 4}}));
        Tensor b = Tensor.constant(Nd4j.create(new double[] {0.7}));
        double[] s = Discrimination.realness(logits, b).value().toDoubleVector();
        double z0 = Math.exp(1) + Math.exp(2) + 1;
        double z1 = Math.exp(-3) + Math.exp(0.5) + Math.exp(4);
        assertThat(s[0]).isCloseTo(Math.log(z0) - 0.7, within(1e-12));
        assertThat(s[1]).isCloseTo(Math.log(z1) - 0.7, within(1e-12));
        // D = Z / (Z + e^b): -log D of a real example and -log(1 - D) of a fake one
        double d0 = z0 / (z0 + Math.exp(0.7));
        assertThat(Discrimination.realLoss(Discrimination.realness(logits.slice(0, 0, 1), b)).item())
                .isCloseTo(-Math.log(d0), within(1e-12));
        assertThat(Discrimination.fakeLoss(Discrimination.realness(logits.slice(0, 0, 1), b)).item())
                .isCloseTo(-Math.log(1 - d0), within(1e-12));
        assertThat(Discrimination.meanRealProbability(Discrimination.realness(logits.slice(0, 0, 1), b)))
                .isCloseTo(d0, within(1e-12));
        // cross-entropy over [logits, b] for label 1 of row 0: its softmax denominator is Z + e^b
        assertThat(Discrimination.supervised(logits.slice(0, 0, 1), b, new int[] {1}).item())
                .isCloseTo(-(2 - Math.log(z0 + Math.exp(0.7))), within(1e-12));
    }

    @Test
    void classifierLossHasExactFirstAndSecondDerivatives() {
        List<INDArray> inputs = List.of(GradCheck.random(1, 4, 3),
                GradCheck.random(2, 5, 3), GradCheck.random(3, 1));
        GradCheck.firstOrder(xs -> Discrimination.classifierLoss(xs.get(0), LABELS, xs.get(1), xs.get(2), 0.7),
                inputs);
        GradCheck.secondOrder(xs -> Discrimination.classifierLoss(xs.get(0), LABELS, xs.get(1), xs.get(2), 0.7),
                inputs);
    }

    @Test
    void generatorLossesHaveExactFirstAndSecondDerivatives() {
        List<INDArray> inputs = List.of(GradCheck.random(4, 4, 6),
                GradCheck.random(5, 5, 6), GradCheck.random(6, 5, 3), GradCheck.random(7, 1));
        for (GeneratorLoss kind : GeneratorLoss.values()) {
            GradCheck.firstOrder(xs -> Discrimination.generatorLoss(kind, xs.get(0), xs.get(1), xs.get(2),
                    xs.get(3)), inputs);
            GradCheck.secondOrder(xs -> Discrimination.generatorLoss(kind, xs.get(0), xs.get(1), xs.get(2),
                    xs.get(3)), inputs);
        }
    }
}

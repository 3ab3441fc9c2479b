package org.metalearn4j.core.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.metalearn4j.core.tensor.Tensor;
import org.metalearn4j.core.testing.GradCheck;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

class GaussianLogLikelihoodTest {

    @Test
    void matchesTheDensityFormula() {
        Tensor mean = Tensor.constant(Nd4j.createFromArray(new double[][] {{0}, {1}}));
        Tensor std = Tensor.constant(Nd4j.createFromArray(new double[][] {{1}, {0.5}}));
        Tensor y = Tensor.constant(Nd4j.createFromArray(new double[][] {{1}, {1}}));
        double expected = 0.5 * ((-0.5 - 0.5 * Math.log(2 * Math.PI)) + (-Math.log(0.5) - 0.5 * Math.log(2 * Math.PI)));
        assertThat(Losses.gaussianLogLikelihood(mean, std, y).item()).isCloseTo(expected, within(1e-12));
        assertThatThrownBy(() -> Losses.gaussianLogLikelihood(mean, std, Tensor.constant(Nd4j.zeros(DataType.DOUBLE,
                3, 1)))).hasMessageContaining("must have one shape");
    }

    @Test
    void derivativesInMeanStdAndTargetMatchFiniteDifferences() {
        Function<List<Tensor>, Tensor> f = xs -> Losses.gaussianLogLikelihood(xs.get(0), xs.get(1), xs.get(2));
        var inputs = List.of(GradCheck.random(1, 4, 2), GradCheck.positive(2, 0.3, 2.0, 4, 2),
                GradCheck.random(3, 4, 2));
        GradCheck.firstOrder(f, inputs);
        GradCheck.secondOrder(f, inputs);
    }
}

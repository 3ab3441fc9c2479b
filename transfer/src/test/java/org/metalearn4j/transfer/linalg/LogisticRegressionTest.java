package org.metalearn4j.transfer.linalg;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.metalearn4j.transfer.TestArrays;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

class LogisticRegressionTest {

    @Test
    void recoversTheProbabilitiesOfAKnownLogisticModel() {
        Random rnd = new Random(3);
        int n = 20000;
        INDArray x = TestArrays.gaussian(n, 3, 7).muli(2).addi(1);
        INDArray w = Nd4j.createFromArray(1.5, -2.0, 0.5).reshape(3, 1);
        INDArray truth = Transforms.sigmoid(x.mmul(w).addi(-0.7), false).reshape(-1);
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = rnd.nextDouble() < truth.getDouble(i) ? 1 : 0;
        }

        LogisticRegression.Model model = LogisticRegression.fit(x, Nd4j.createFromArray(t), null, 1e-6);

        INDArray probe = TestArrays.gaussian(500, 3, 8);
        INDArray expected = Transforms.sigmoid(probe.mmul(w).addi(-0.7), false).reshape(-1);
        assertThat(model.probabilities(probe).sub(expected).amaxNumber().doubleValue()).isLessThan(0.05);
    }

    @Test
    void separableDataStaysFiniteThanksToThePenalty() {
        INDArray x = Nd4j.createFromArray(new double[][] {{-2}, {-1}, {1}, {2}});
        LogisticRegression.Model model = LogisticRegression.fit(x, Nd4j.createFromArray(0.0, 0.0, 1.0, 1.0),
                null, 1e-2);
        INDArray p = model.probabilities(x);
        assertThat(p.getDouble(0)).isLessThan(0.2);
        assertThat(p.getDouble(3)).isGreaterThan(0.8);
        assertThat(Double.isFinite(model.weights().getDouble(0))).isTrue();
    }
}

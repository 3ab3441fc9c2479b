package org.metalearn4j.core.nn;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.metalearn4j.core.optim.Adam;
import org.metalearn4j.core.optim.AdamConfig;
import org.metalearn4j.core.optim.Optimizer;
import org.metalearn4j.core.tensor.Tensor;
import org.metalearn4j.core.testing.GradCheck;
import org.nd4j.linalg.api.buffer.DataType;

/** Same seed, same machine, same thread count: bitwise-identical training (conv, batch norm, dropout, Adam). */
class DeterminismTest {
    private static float[] train(long seed) {
        Module net = Sequential.of(new Conv4(1, 8), new DropoutLayer(0.2), new Linear(8, 3));
        Params p = net.init(seed);
        Optimizer opt = new Adam(AdamConfig.of(0.01));
        ForwardContext ctx = ForwardContext.training(seed);
        Tensor x = Tensor.constant(GradCheck.random(seed, 6, 1, 16, 16).castTo(DataType.FLOAT));
        int[] labels = {0, 1, 2, 0, 1, 2};
        for (int step = 0; step < 3; step++) {
            Tensor loss = Losses.crossEntropy(net.forward(p, x, ctx), labels);
            opt.step(p, p.grad(loss, false));
        }
        return p.get("2.weight").value().dup().data().asFloat();
    }

    @Test
    void trainingIsBitwiseReproducible() {
        float[] a = train(5);
        assertThat(train(5)).isEqualTo(a);
        assertThat(train(6)).isNotEqualTo(a);
    }
}

package org.metalearn4j.core.optim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.metalearn4j.core.nn.Params;
import org.metalearn4j.core.state.StateDict;
import org.metalearn4j.core.tensor.Tensor;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

class OptimizerTest {
    private static Params params() {
        return Params.of(List.of("a.w", "b.w"), List.of(Tensor.variable(Nd4j.createFromArray(1.0, -2.0)),
                Tensor.variable(Nd4j.createFromArray(0.5))));
    }

    private static Params grads(int step) {
        return Params.of(List.of("a.w", "b.w"), List.of(Tensor.constant(Nd4j.createFromArray(0.1 * step, -0.3)),
                Tensor.constant(Nd4j.createFromArray(0.2 + step))));
    }

    @Test
    void sgdMomentumWeightDecayMatchesHandComputation() {
        Params p = params();
        Sgd sgd = new Sgd(new SgdConfig(0.1, 0.9, 0.01, false, List.of()));
        sgd.step(p, grads(1));
        sgd.step(p, grads(2));
        // a.w[0]: d1 = 0.1 + 0.01*1 = 0.11, p = 1 - 0.011 = 0.989; d2 = 0.2 + 0.00989 = 0.20989, b = 0.9*0.11 + d2
        double b = 0.9 * 0.11 + (0.2 + 0.01 * 0.989);
        assertThat(p.get("a.w").value().getDouble(0)).isCloseTo(0.989 - 0.1 * b, within());
    }

    @Test
    void adamMatchesHandComputation() {
        Params p = params();
        Adam adam = new Adam(AdamConfig.of(0.01));
        adam.step(p, grads(1));
        // first Adam step moves every coordinate by lr * sign(g) (up to eps)
        assertThat(p.get("b.w").value().getDouble(0)).isCloseTo(0.5 - 0.01, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(p.get("a.w").value().getDouble(1)).isCloseTo(-2.0 + 0.01, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void rmsPropMatchesHandComputation() {
        Params p = params();
        RmsProp rms = new RmsProp(new RmsPropConfig(0.01, 0.9, 1e-8, 0, List.of()));
        rms.step(p, grads(1));
        rms.step(p, grads(2));
        // b.w: v1 = 0.1 * 1.2^2, p1 = 0.5 - 0.01 * 1.2 / sqrt(v1); v2 = 0.9 v1 + 0.1 * 2.2^2
        double v1 = 0.1 * 1.2 * 1.2;
        double p1 = 0.5 - 0.01 * 1.2 / (Math.sqrt(v1) + 1e-8);
        double v2 = 0.9 * v1 + 0.1 * 2.2 * 2.2;
        assertThat(p.get("b.w").value().getDouble(0)).isCloseTo(p1 - 0.01 * 2.2 / (Math.sqrt(v2) + 1e-8), within());
        Params restored = params();
        RmsProp again = new RmsProp(new RmsPropConfig(0.01, 0.9, 1e-8, 0, List.of()));
        again.step(restored, grads(1));
        RmsProp loaded = new RmsProp(new RmsPropConfig(0.01, 0.9, 1e-8, 0, List.of()));
        loaded.loadState(again.state());
        loaded.step(restored, grads(2));
        assertThat(restored.get("b.w").value()).isEqualTo(p.get("b.w").value());
    }

    @Test
    void frozenGroupIsNotUpdatedAndGroupsScaleLearningRates() {
        Params p = params();
        new Sgd(new SgdConfig(0.1, 0, 0, false, List.of(ParamGroup.frozen("a."), new ParamGroup("b.", 1.0, 0))))
                .step(p, grads(1));
        assertThat(p.get("a.w").value()).isEqualTo(Nd4j.createFromArray(1.0, -2.0));
        assertThat(p.get("b.w").value().getDouble(0)).isCloseTo(0.5 - 1.2, within());
    }

    @Test
    void stepsNeverWriteTheCallersGradients() {
        // the gradients a training loop passes are often the ones it logs or clips next; with and without weight
        // decay, momentum and Nesterov, and from the second step on (where the buffers exist)
        List<Supplier<Optimizer>> optimizers = List.of(
                () -> new Sgd(new SgdConfig(0.1, 0, 0, false, List.of())),
                () -> new Sgd(new SgdConfig(0.1, 0.9, 0, false, List.of())),
                () -> new Sgd(new SgdConfig(0.1, 0.9, 0, true, List.of())),
                () -> new Sgd(new SgdConfig(0.1, 0.9, 0.01, true, List.of())),
                () -> new RmsProp(new RmsPropConfig(0.01, 0.9, 1e-8, 0.01, List.of())),
                () -> new Adam(new AdamConfig(0.01, 0.8, 0.99, 1e-8, 0.001, List.of())));
        for (Supplier<Optimizer> make : optimizers) {
            Optimizer optimizer = make.get();
            Params p = params();
            for (int s = 1; s <= 3; s++) {
                Params g = grads(s);
                optimizer.step(p, g);
                assertThat(g.get("a.w").value()).isEqualTo(grads(s).get("a.w").value());
                assertThat(g.get("b.w").value()).isEqualTo(grads(s).get("b.w").value());
            }
        }
    }

    @Test
    void clippingScalesToMaxNormWithoutMutatingInput() {
        Params g = grads(3);
        double norm = GradClip.globalNorm(g);
        Params clipped = GradClip.clipByGlobalNorm(g, 1.0);
        assertThat(norm).isCloseTo(Math.sqrt(0.09 + 0.09 + 3.2 * 3.2), within());
        assertThat(GradClip.globalNorm(clipped)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
        assertThat(GradClip.globalNorm(g)).isEqualTo(norm);
    }

    @Test
    void stateRoundTripContinuesBitwiseIdentically() throws IOException {
        check(() -> new Sgd(new SgdConfig(0.1, 0.9, 0.01, true, List.of())));
        check(() -> new Adam(new AdamConfig(0.01, 0.8, 0.99, 1e-8, 0.001, List.of())));
    }

    private static void check(Supplier<Optimizer> make) throws IOException {
        Params straight = params();
        Optimizer a = make.get();
        for (int s = 1; s <= 4; s++) {
            a.step(straight, grads(s));
        }
        Params resumed = params();
        Optimizer b = make.get();
        b.step(resumed, grads(1));
        b.step(resumed, grads(2));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        b.state().write(new DataOutputStream(bytes));
        Optimizer c = make.get();
        c.loadState(StateDict.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()))));
        c.step(resumed, grads(3));
        c.step(resumed, grads(4));
        assertThat(resumed.get("a.w").value()).isEqualTo(straight.get("a.w").value());
        assertThat(resumed.get("b.w").value()).isEqualTo(straight.get("b.w").value());
        assertThat(resumed.get("a.w").value().dataType()).isEqualTo(DataType.DOUBLE);
    }

    private static org.assertj.core.data.Offset<Double> within() {
        return org.assertj.core.data.Offset.offset(1e-12);
    }
}

package org.metalearn4j.core.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.function.DoubleFunction;
import org.junit.jupiter.api.Test;
import org.metalearn4j.core.nn.Params;
import org.metalearn4j.core.tensor.Tensor;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/** Learning-rate schedules, and the factor through which optimizers apply them. */
class LrScheduleTest {

    @Test
    void stepScheduleHalvesEveryPeriod() {
        LrSchedule s = LrSchedule.halvingEvery(100);
        assertThat(s.factor(0)).isEqualTo(1.0);
        assertThat(s.factor(99)).isEqualTo(1.0);
        assertThat(s.factor(100)).isEqualTo(0.5);
        assertThat(s.factor(250)).isEqualTo(0.25);
    }

    @Test
    void cosineScheduleAnnealsToItsFloorAndStays() {
        LrSchedule s = new LrSchedule(LrSchedule.Kind.COSINE, 100, 1, 0.1);
        assertThat(s.factor(0)).isEqualTo(1.0);
        assertThat(s.factor(50)).isCloseTo(0.55, within(1e-12));
        assertThat(s.factor(100)).isCloseTo(0.1, within(1e-12));
        assertThat(s.factor(1000)).isCloseTo(0.1, within(1e-12));
    }

    @Test
    void learningRateFactorActsLikeAScaledConfiguredRate() {
        check(lr -> new Adam(new AdamConfig(lr, 0.9, 0.999, 1e-8, 0.01, List.of())));
        check(lr -> new Sgd(new SgdConfig(lr, 0.9, 0.01, false, List.of())));
    }

    private static void check(DoubleFunction<Optimizer> make) {
        Params scaled = params();
        Params configured = params();
        Optimizer a = make.apply(0.1);
        Optimizer b = make.apply(0.025);
        for (int step = 0; step < 3; step++) {
            a.setLearningRateFactor(0.25);
            a.step(scaled, grads(step));
            b.step(configured, grads(step));
        }
        double[] x = scaled.get("w").value().data().asDouble();
        double[] y = configured.get("w").value().data().asDouble();
        for (int i = 0; i < x.length; i++) {
            assertThat(x[i]).isCloseTo(y[i], within(1e-15));
        }
        assertThatThrownBy(() -> a.setLearningRateFactor(-1)).hasMessageContaining("-1");
    }

    private static Params params() {
        return Params.of(List.of("w"), List.of(Tensor.variable(Nd4j.create(new double[] {1, -2, 3}, new long[] {3},
                DataType.DOUBLE))));
    }

    private static Params grads(int step) {
        return Params.of(List.of("w"), List.of(Tensor.constant(Nd4j.create(new double[] {0.5 + step, -1, 2},
                new long[] {3}, DataType.DOUBLE))));
    }
}

package org.metalearn4j.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MeanIntervalTest {
    @Test
    void threeSeedsUseStudentsTWithTwoDegreesOfFreedom() {
        // mean 0.02, sample standard deviation 0.01, standard error 0.01 / sqrt(3)
        MeanInterval r = MeanInterval.of(new double[] {0.01, 0.02, 0.03});
        assertThat(r.mean()).isCloseTo(0.02, within(1e-12));
        assertThat(r.ci95()).isCloseTo(4.303 * 0.01 / Math.sqrt(3), within(1e-12));
        assertThat(r.n()).isEqualTo(3);
    }

    @Test
    void manyValuesUseTheNormalQuantile() {
        double[] values = new double[100];
        for (int i = 0; i < values.length; i++) {
            values[i] = i % 2;
        }
        MeanInterval r = MeanInterval.of(values);
        double sd = Math.sqrt(100 * 0.25 / 99);
        assertThat(r.mean()).isEqualTo(0.5);
        assertThat(r.ci95()).isCloseTo(1.96 * sd / 10, within(1e-12));
    }

    @Test
    void oneValueHasNoSpreadAndNoneIsAnError() {
        assertThat(MeanInterval.of(new double[] {0.7})).isEqualTo(new MeanInterval(0.7, 0, 1));
        assertThatThrownBy(() -> MeanInterval.of(new double[0])).hasMessageContaining("no values");
    }

    @Test
    void differencesArePairedAndNeedEqualLengths() {
        assertThat(MeanInterval.differences(new double[] {0.9, 0.5}, new double[] {0.8, 0.6}))
                .containsExactly(new double[] {0.1, -0.1}, within(1e-12));
        assertThatThrownBy(() -> MeanInterval.differences(new double[2], new double[3]))
                .hasMessageContaining("2 and 3");
    }
}

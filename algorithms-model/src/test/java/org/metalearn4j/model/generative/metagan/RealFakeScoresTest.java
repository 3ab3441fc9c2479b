package org.metalearn4j.model.generative.metagan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RealFakeScoresTest {

    @Test
    void aucIsTheChanceThatARealExampleScoresAboveAGeneratedOne() {
        assertThat(new RealFakeScores(new double[] {0.9, 0.8}, new double[] {0.1, 0.2}).auc()).isEqualTo(1.0);
        assertThat(new RealFakeScores(new double[] {0.1}, new double[] {0.9}).auc()).isEqualTo(0.0);
        // pairs: (0.6, 0.5) win, (0.6, 0.6) tie, (0.4, 0.5) loss, (0.4, 0.6) loss
        assertThat(new RealFakeScores(new double[] {0.6, 0.4}, new double[] {0.5, 0.6}).auc()).isEqualTo(1.5 / 4);
        assertThatThrownBy(() -> new RealFakeScores(new double[0], new double[] {1}))
                .hasMessageContaining("at least one example each");
    }
}

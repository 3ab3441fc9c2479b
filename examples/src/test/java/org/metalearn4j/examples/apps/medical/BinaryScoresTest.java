package org.metalearn4j.examples.apps.medical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class BinaryScoresTest {
    @Test
    void handComputedScores() {
        double[] p = {0.9, 0.8, 0.3, 0.3, 0.1};
        int[] y = {1, 0, 1, 0, 0};
        // positives 0.9 and 0.3 against negatives 0.8, 0.3, 0.1: wins 3 + (0 + 0.5 + 1) = 4.5 of 6
        assertThat(BinaryScores.auc(p, y)).isEqualTo(0.75);
        assertThat(BinaryScores.brier(p, y)).isCloseTo((0.01 + 0.64 + 0.49 + 0.09 + 0.01) / 5, within(1e-12));
        // bins: [0.1] -> |0 - 0.1|, [0.3, 0.3] -> |1 - 0.6|, [0.8] -> |0 - 0.8|, [0.9] -> |1 - 0.9|
        assertThat(BinaryScores.ece(p, y)).isCloseTo((0.1 + 0.4 + 0.8 + 0.1) / 5, within(1e-12));
        assertThat(BinaryScores.auc(p, new int[] {0, 0, 0, 0, 0})).isNaN();
    }
}

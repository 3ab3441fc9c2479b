package org.metalearn4j.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Meta-batch shares follow the workers' speeds and always add up to the meta-batch. */
class SharesTest {

    @Test
    void sharesAreProportionalAndAddUp() {
        assertThat(Shares.split(10, new double[] {1, 1})).containsExactly(5, 5);
        assertThat(Shares.split(32, new double[] {3, 1})).containsExactly(24, 8);
        assertThat(Shares.split(5, new double[] {1, 1, 1})).containsExactly(2, 2, 1);
        assertThat(Shares.split(3, new double[] {100, 1})).containsExactly(3, 0);
        assertThat(Shares.split(0, new double[] {2, 5})).containsExactly(0, 0);
    }

    @Test
    void aWorkerThatNeedsOneTaskGetsOneFromTheLargestShare() {
        assertThat(Shares.atLeastOne(new int[] {4, 2, 0}, new boolean[] {false, false, true})).containsExactly(3, 2, 1);
        assertThat(Shares.atLeastOne(new int[] {3, 0}, new boolean[] {false, false})).containsExactly(3, 0);
        assertThat(Shares.atLeastOne(new int[] {1, 1, 0}, new boolean[] {false, false, true}))
                .containsExactly(1, 1, 0);
        assertThat(Shares.atLeastOne(new int[] {5, 0, 0}, new boolean[] {false, true, true})).containsExactly(3, 1, 1);
    }

    @Test
    void weightsMustBePositiveAndFinite() {
        assertThatThrownBy(() -> Shares.split(4, new double[] {1, 0})).hasMessageContaining("positive and finite");
        assertThatThrownBy(() -> Shares.split(4, new double[] {})).hasMessageContaining("at least one worker");
    }
}

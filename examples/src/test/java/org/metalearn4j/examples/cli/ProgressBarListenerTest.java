package org.metalearn4j.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The evaluation's part of the training bar: its progress and a remaining time extrapolated from its rate. */
class ProgressBarListenerTest {

    @Test
    void evalMessageExtrapolatesTheRemainingTimeFromThePhasesRate() {
        assertThat(ProgressBarListener.evalMessage("episodes", 150, 600, 2.0)).isEqualTo("episodes 150/600 ETA 0:00:06");
        assertThat(ProgressBarListener.evalMessage("embed", 1, 2, 3725.0)).isEqualTo("embed 1/2 ETA 1:02:05");
        assertThat(ProgressBarListener.evalMessage("episodes", 0, 600, 0)).isEqualTo("episodes 0/600");
        assertThat(ProgressBarListener.evalMessage("episodes", 600, 600, 9.0)).isEqualTo("episodes 600/600");
    }
}

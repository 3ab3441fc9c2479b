package org.metalearn4j.core.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.metalearn4j.core.backend.StepArena;
import org.metalearn4j.core.state.StateDict;
import org.metalearn4j.core.tensor.Tensor;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Batch statistics recorded per task (inside each task's step arena) and replayed in task order give the running
 * statistics of the tasks updating one shared instance one after another, bit for bit.
 */
class RunningStatsReplayTest {
    private static final BatchNorm2d NORM = new BatchNorm2d(3, 1e-5, 0.1);

    /** The layer's weights as the child {@code bn} of a network names them. */
    private static Params params() {
        return Params.of(java.util.List.of("bn.weight", "bn.bias"), NORM.init(0, DataType.FLOAT).tensors())
                .scope("bn");
    }

    private static Tensor batch(long task) {
        float[] x = new float[18];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) Math.sin(1.7 * i + 3.1 * task) * (1 + task);
        }
        return Tensor.constant(Nd4j.create(x, new long[] {6, 3}, 'c'));
    }

    @Test
    void replayingEachTasksRecordedStatisticsInOrderEqualsSharedUpdates() {
        Params params = params();
        RunningStats shared = new RunningStats();
        RunningStats replayed = new RunningStats();
        for (long task = 0; task < 3; task++) {
            NORM.forward(params, batch(task), new ForwardContext(true, shared, 0));
            RunningStats recording = RunningStats.recording();
            StateDict updates;
            try (StepArena arena = StepArena.open()) {
                NORM.forward(params, batch(task), new ForwardContext(true, recording, 0));
                updates = recording.recordedUpdates();
            }
            replayed.replay(updates);
        }
        assertThat(replayed.toStateDict().asMap()).isEqualTo(shared.toStateDict().asMap());
        assertThat(shared.toStateDict().names()).containsExactly("bn.running_mean", "bn.running_var");
    }

    @Test
    void aRecordingInstanceLeavesItsOwnStatisticsAloneAndAnOrdinaryOneRecordsNothing() {
        Params params = params();
        RunningStats recording = RunningStats.recording();
        NORM.forward(params, batch(1), new ForwardContext(true, recording, 0));
        assertThat(recording.toStateDict().names()).isEmpty();
        assertThat(recording.recordedUpdates().names()).containsExactly("0:bn.batch_mean", "0:bn.batch_var",
                "0:bn.momentum");
        assertThatThrownBy(() -> new RunningStats().recordedUpdates()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("RunningStats.recording()");
    }
}

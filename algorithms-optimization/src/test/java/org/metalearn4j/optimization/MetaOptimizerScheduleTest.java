package org.metalearn4j.optimization;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.metalearn4j.core.learner.Learner;
import org.metalearn4j.core.optim.LrSchedule;

/** Every learner that takes a {@link MetaOptimizerConfig} follows its learning-rate schedule. */
class MetaOptimizerScheduleTest {

    /**
     * A cosine schedule of one iteration down to 0 leaves the first meta-update at the full rate and every later
     * one at rate 0, so the second iteration must leave the learner's parameters exactly where the first put them;
     * under a constant schedule the same second iteration moves them.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("org.metalearn4j.optimization.MetaOptimizedLearner#all")
    void aScheduleThatEndsAtZeroStopsTheMetaUpdates(MetaOptimizedLearner kind) throws IOException {
        MetaOptimizerConfig toZero = new MetaOptimizerConfig(MetaOptimizerConfig.Kind.ADAM, 1e-2,
                new LrSchedule(LrSchedule.Kind.COSINE, 1, 1, 0));
        assertThat(paramsMoveInSecondIteration(kind.with(toZero).apply(1))).isFalse();
        MetaOptimizerConfig constant = new MetaOptimizerConfig(MetaOptimizerConfig.Kind.ADAM, 1e-2);
        assertThat(paramsMoveInSecondIteration(kind.with(constant).apply(1))).isTrue();
    }

    private static boolean paramsMoveInSecondIteration(Learner learner) throws IOException {
        learner.step(SinusoidTasks.batch(9, 0, 3, 5, 5));
        byte[] first = AdapterTest.bytes(learner.state().withPrefix("params."));
        learner.step(SinusoidTasks.batch(9, 1, 3, 5, 5));
        return !Arrays.equals(first, AdapterTest.bytes(learner.state().withPrefix("params.")));
    }
}

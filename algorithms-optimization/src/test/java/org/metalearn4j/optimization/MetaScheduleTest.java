package org.metalearn4j.optimization;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.metalearn4j.core.nn.BackboneSpec;
import org.metalearn4j.core.optim.LrSchedule;
import org.metalearn4j.core.state.StateDict;
import org.metalearn4j.core.task.Task;
import org.nd4j.linalg.api.buffer.DataType;

/** The meta-optimizer's learning-rate schedule scales each meta-update by its factor at that meta-iteration. */
class MetaScheduleTest {
    private static GradientMetaLearner learner(LrSchedule schedule) {
        MamlConfig config = new MamlConfig(MamlConfig.Order.SECOND, 1, 0.05, 1, BackboneSpec.mlp(4),
                new MetaOptimizerConfig(MetaOptimizerConfig.Kind.SGD, 1.0, schedule), 0, 1);
        return GradientMetaLearner.create(config, SinusoidTasks.context(3), GradientMetaLearner.Variant.MAML,
                DataType.DOUBLE);
    }

    private static StateDict params(GradientMetaLearner learner) {
        return learner.state().withPrefix("params.");
    }

    @Test
    void aStepScheduleHalvesTheSecondMetaUpdate() {
        GradientMetaLearner constant = learner(LrSchedule.constant());
        GradientMetaLearner halving = learner(new LrSchedule(LrSchedule.Kind.STEP, 1, 0.5, 0));
        List<Task> first = SinusoidTasks.batch(1, 0, 2, 5, 5);
        constant.step(first);
        halving.step(first);
        StateDict start = params(constant);
        assertThat(params(halving).get("head.weight")).as("factor 1 at the first meta-iteration")
                .isEqualTo(start.get("head.weight"));
        List<Task> second = SinusoidTasks.batch(1, 1, 2, 5, 5);
        constant.step(second);
        halving.step(second);
        for (String n : start.names()) {
            assertThat(params(halving).get(n).sub(start.get(n)))
                    .isEqualTo(params(constant).get(n).sub(start.get(n)).mul(0.5));
        }
    }
}

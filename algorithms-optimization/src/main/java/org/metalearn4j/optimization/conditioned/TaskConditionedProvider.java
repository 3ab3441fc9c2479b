package org.metalearn4j.optimization.conditioned;

import java.util.List;
import org.metalearn4j.core.learner.Learner;
import org.metalearn4j.core.learner.LearnerContext;
import org.metalearn4j.core.learner.LearnerProvider;
import org.metalearn4j.core.nn.BackboneSpec;
import org.metalearn4j.optimization.MamlConfig;
import org.metalearn4j.optimization.MetaOptimizerConfig;
import org.nd4j.linalg.api.buffer.DataType;

/** {@code task-conditioned}: inner learning rates read from each task's support set, meta-trained like Meta-SGD. */
public final class TaskConditionedProvider implements LearnerProvider<TaskConditionedConfig> {
    @Override
    public String name() {
        return "task-conditioned";
    }

    @Override
    public String description() {
        return "task-conditioned optimizer: a set encoder of the support set outputs per-layer inner learning rates"
                + " and per-step weights (meta-trained like Meta-SGD)";
    }

    @Override
    public Class<TaskConditionedConfig> configType() {
        return TaskConditionedConfig.class;
    }

    /** Meta-SGD's sinusoid settings (1 step, base rate 0.01, Adam 1e-3) and a 40-40 encoder of width 32. */
    @Override
    public TaskConditionedConfig defaults() {
        return new TaskConditionedConfig(MamlConfig.Order.SECOND, 1, 0.01, 1, true,
                new EncoderConfig(List.of(40, 40), 32), BackboneSpec.defaults(), MetaOptimizerConfig.defaults(), 0,
                1);
    }

    @Override
    public Learner create(TaskConditionedConfig config, LearnerContext context) {
        return TaskConditionedLearner.create(config, context, DataType.FLOAT);
    }
}

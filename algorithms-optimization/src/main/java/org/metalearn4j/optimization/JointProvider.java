package org.metalearn4j.optimization;

import org.metalearn4j.core.learner.Learner;
import org.metalearn4j.core.learner.LearnerContext;
import org.metalearn4j.core.learner.LearnerProvider;
import org.nd4j.linalg.api.buffer.DataType;

/** {@code joint}: a network trained on the pooled examples of all tasks, fine-tuned to each evaluation task. */
public final class JointProvider implements LearnerProvider<JointConfig> {
    @Override
    public String name() {
        return "joint";
    }

    @Override
    public String description() {
        return "pooled training on all tasks (the pretrained baseline), fine-tuned on each evaluation task's support";
    }

    @Override
    public Class<JointConfig> configType() {
        return JointConfig.class;
    }

    @Override
    public JointConfig defaults() {
        return JointConfig.defaults();
    }

    @Override
    public Learner create(JointConfig config, LearnerContext context) {
        return JointTrainingLearner.create(config, context, DataType.FLOAT);
    }
}

package org.metalearn4j.optimization;

import org.metalearn4j.core.learner.Learner;
import org.metalearn4j.core.learner.LearnerContext;
import org.metalearn4j.core.learner.LearnerProvider;
import org.metalearn4j.core.nn.BackboneSpec;
import org.nd4j.linalg.api.buffer.DataType;

/** {@code reptile}: first-order meta-learning without meta-gradients, serial or batched. */
public final class ReptileProvider implements LearnerProvider<ReptileConfig> {
    @Override
    public String name() {
        return "reptile";
    }

    @Override
    public String description() {
        return "Reptile (Nichol et al. 2018): move the initialization towards task-adapted weights";
    }

    @Override
    public Class<ReptileConfig> configType() {
        return ReptileConfig.class;
    }

    /**
     * 5 inner SGD steps of 0.01, epsilon 0.1, batched, 10 inner steps at evaluation, a meta-learned head, one task at
     * a time.
     */
    @Override
    public ReptileConfig defaults() {
        return new ReptileConfig(5, 0.01, 0.1, true, 10, BackboneSpec.defaults(), HeadInit.LEARNED, 1);
    }

    @Override
    public Learner create(ReptileConfig config, LearnerContext context) {
        return ReptileLearner.create(config, context, DataType.FLOAT);
    }
}

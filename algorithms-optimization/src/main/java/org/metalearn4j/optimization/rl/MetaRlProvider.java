package org.metalearn4j.optimization.rl;

import org.metalearn4j.core.learner.Learner;
import org.metalearn4j.core.learner.LearnerContext;
import org.metalearn4j.core.learner.LearnerFamilyProvider;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * What {@code maml-rl}, {@code fomaml-rl} and {@code pretrain-rl} share: one {@link MetaRlConfig} whose defaults
 * differ only in {@code order}, and a {@link MetaRlLearner}. Each subclass is its own ServiceLoader provider.
 */
abstract class MetaRlProvider extends LearnerFamilyProvider<MetaRlConfig> {
    MetaRlProvider(String name, String description, MetaRlConfig.Order order) {
        super(name, description, MetaRlConfig.class, MetaRlConfig.defaults(order));
    }

    @Override
    public final Learner create(MetaRlConfig config, LearnerContext context) {
        return MetaRlLearner.create(config, context, DataType.FLOAT);
    }
}

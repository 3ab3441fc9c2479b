package org.metalearn4j.optimization.rl;

import org.metalearn4j.core.learner.Learner;
import org.metalearn4j.core.learner.LearnerContext;
import org.metalearn4j.core.learner.LearnerProvider;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * What {@code maml-rl}, {@code fomaml-rl} and {@code pretrain-rl} share: one {@link MetaRlConfig} whose defaults
 * differ only in {@code order}, and a {@link MetaRlLearner}. Each subclass is its own ServiceLoader provider.
 */
abstract class MetaRlProvider implements LearnerProvider<MetaRlConfig> {
    private final String name;
    private final String description;
    private final MetaRlConfig.Order order;

    MetaRlProvider(String name, String description, MetaRlConfig.Order order) {
        this.name = name;
        this.description = description;
        this.order = order;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public final Class<MetaRlConfig> configType() {
        return MetaRlConfig.class;
    }

    @Override
    public final MetaRlConfig defaults() {
        return MetaRlConfig.defaults(order);
    }

    @Override
    public final Learner create(MetaRlConfig config, LearnerContext context) {
        return MetaRlLearner.create(config, context, DataType.FLOAT);
    }
}

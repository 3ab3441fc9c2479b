package org.metalearn4j.optimization;

import org.metalearn4j.core.learner.Learner;
import org.metalearn4j.core.learner.LearnerContext;
import org.metalearn4j.core.learner.LearnerProvider;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * What {@code maml}, {@code fomaml}, {@code anil} and {@code metasgd} share: one {@link MamlConfig}, defaults that
 * differ only in the meta-gradient order, and a {@link GradientMetaLearner} of one variant. Each subclass is still its
 * own ServiceLoader provider with its own name.
 */
abstract class GradientLearnerProvider implements LearnerProvider<MamlConfig> {
    private final String name;
    private final String description;
    private final MamlConfig.Order defaultOrder;
    private final GradientMetaLearner.Variant variant;

    GradientLearnerProvider(String name, String description, MamlConfig.Order defaultOrder,
                            GradientMetaLearner.Variant variant) {
        this.name = name;
        this.description = description;
        this.defaultOrder = defaultOrder;
        this.variant = variant;
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
    public final Class<MamlConfig> configType() {
        return MamlConfig.class;
    }

    @Override
    public final MamlConfig defaults() {
        return MamlConfig.defaults(defaultOrder);
    }

    @Override
    public Learner create(MamlConfig config, LearnerContext context) {
        return GradientMetaLearner.create(config, context, variant, DataType.FLOAT);
    }
}

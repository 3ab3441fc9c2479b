package org.metalearn4j.optimization;

import org.metalearn4j.core.learner.Learner;
import org.metalearn4j.core.learner.LearnerContext;
import org.metalearn4j.core.learner.LearnerFamilyProvider;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * What {@code maml}, {@code fomaml}, {@code anil} and {@code metasgd} share: one {@link MamlConfig}, defaults that
 * differ only in the meta-gradient order, and a {@link GradientMetaLearner} of one variant. Each subclass is still its
 * own ServiceLoader provider with its own name.
 */
abstract class GradientLearnerProvider extends LearnerFamilyProvider<MamlConfig> {
    private final GradientMetaLearner.Variant variant;

    GradientLearnerProvider(String name, String description, MamlConfig.Order defaultOrder,
                            GradientMetaLearner.Variant variant) {
        super(name, description, MamlConfig.class, MamlConfig.defaults(defaultOrder));
        this.variant = variant;
    }

    @Override
    public Learner create(MamlConfig config, LearnerContext context) {
        return GradientMetaLearner.create(config, context, variant, DataType.FLOAT);
    }
}

package org.metalearn4j.optimization;

import org.metalearn4j.core.learner.Learner;
import org.metalearn4j.core.learner.LearnerContext;
import org.metalearn4j.core.learner.LearnerProvider;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * {@code metasgd}: MAML whose inner step size is a learned array per weight (alpha, initialised to {@code innerLr}),
 * meta-trained together with the initialization.
 */
public final class MetaSgdProvider implements LearnerProvider<MamlConfig> {
    @Override
    public String name() {
        return "metasgd";
    }

    @Override
    public String description() {
        return "Meta-SGD (Li et al. 2017): learned per-parameter inner learning rates; innerLr is their initial value";
    }

    @Override
    public Class<MamlConfig> configType() {
        return MamlConfig.class;
    }

    @Override
    public MamlConfig defaults() {
        return MamlConfig.defaults("second");
    }

    @Override
    public Learner create(MamlConfig config, LearnerContext context) {
        return GradientMetaLearner.create(config, context, GradientMetaLearner.Variant.META_SGD, DataType.FLOAT);
    }
}

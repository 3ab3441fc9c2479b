package org.metalearn4j.optimization;

import org.metalearn4j.core.learner.Learner;
import org.metalearn4j.core.learner.LearnerContext;
import org.metalearn4j.core.learner.LearnerProvider;
import org.nd4j.linalg.api.buffer.DataType;

/** {@code maml}: Model-Agnostic Meta-Learning, exact second-order meta-gradients by default ({@code order}). */
public final class MamlProvider implements LearnerProvider<MamlConfig> {
    @Override
    public String name() {
        return "maml";
    }

    @Override
    public String description() {
        return "MAML (Finn et al. 2017): meta-learned initialization, first or exact second-order meta-gradients";
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
        return GradientMetaLearner.create(config, context, GradientMetaLearner.Variant.MAML, DataType.FLOAT);
    }
}

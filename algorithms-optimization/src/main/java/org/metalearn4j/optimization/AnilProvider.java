package org.metalearn4j.optimization;

import org.metalearn4j.core.learner.Learner;
import org.metalearn4j.core.learner.LearnerContext;
import org.metalearn4j.core.learner.LearnerProvider;
import org.nd4j.linalg.api.buffer.DataType;

/** {@code anil}: MAML with the inner loop on the head only; the body's features are computed once per set. */
public final class AnilProvider implements LearnerProvider<MamlConfig> {
    @Override
    public String name() {
        return "anil";
    }

    @Override
    public String description() {
        return "ANIL (Raghu et al. 2020): MAML adapting only the final layer in the inner loop";
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
        return GradientMetaLearner.create(config, context, GradientMetaLearner.Variant.ANIL, DataType.FLOAT);
    }
}

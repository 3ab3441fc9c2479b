package org.metalearn4j.optimization;

import org.metalearn4j.core.learner.Learner;
import org.metalearn4j.core.learner.LearnerContext;
import org.metalearn4j.core.learner.LearnerProvider;
import org.nd4j.linalg.api.buffer.DataType;

/** {@code fomaml}: the MAML learner with the first-order approximation, under its own name. */
public final class FomamlProvider implements LearnerProvider<MamlConfig> {
    @Override
    public String name() {
        return "fomaml";
    }

    @Override
    public String description() {
        return "First-order MAML: inner-loop gradients treated as constants";
    }

    @Override
    public Class<MamlConfig> configType() {
        return MamlConfig.class;
    }

    @Override
    public MamlConfig defaults() {
        return MamlConfig.defaults("first");
    }

    @Override
    public Learner create(MamlConfig config, LearnerContext context) {
        if (config.secondOrder()) {
            throw new IllegalArgumentException("order: fomaml is first-order by definition, got 'second'; use"
                    + " learner maml for second-order meta-gradients");
        }
        return GradientMetaLearner.create(config, context, GradientMetaLearner.Variant.MAML, DataType.FLOAT);
    }
}

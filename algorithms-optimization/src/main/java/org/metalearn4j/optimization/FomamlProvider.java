package org.metalearn4j.optimization;

import org.metalearn4j.core.learner.Learner;
import org.metalearn4j.core.learner.LearnerContext;

/** {@code fomaml}: the MAML learner with the first-order approximation, under its own name. */
public final class FomamlProvider extends GradientLearnerProvider {
    public FomamlProvider() {
        super("fomaml", "First-order MAML: inner-loop gradients treated as constants",
                MamlConfig.Order.FIRST, GradientMetaLearner.Variant.MAML);
    }

    @Override
    public Learner create(MamlConfig config, LearnerContext context) {
        if (config.secondOrder()) {
            throw new IllegalArgumentException("order: fomaml is first-order by definition, got 'second'; use"
                    + " learner maml for second-order meta-gradients");
        }
        return super.create(config, context);
    }
}

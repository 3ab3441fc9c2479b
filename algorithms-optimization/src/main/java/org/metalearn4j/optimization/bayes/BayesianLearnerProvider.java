package org.metalearn4j.optimization.bayes;

import org.metalearn4j.core.learner.Learner;
import org.metalearn4j.core.learner.LearnerContext;
import org.metalearn4j.core.learner.LearnerFamilyProvider;
import org.metalearn4j.core.nn.BackboneSpec;
import org.metalearn4j.optimization.MamlConfig;
import org.metalearn4j.optimization.MetaOptimizerConfig;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * What {@code bmaml} and {@code ensemble-maml} share: one {@link BayesianMamlConfig}, defaults that differ in the
 * inner step size and meta-loss, and a {@link BayesianMamlLearner} of one variant. Defaults: 5 particles, one inner
 * step, exact second order, the median-heuristic bandwidth, noise std 1, Adam 1e-3, one task thread.
 */
abstract class BayesianLearnerProvider extends LearnerFamilyProvider<BayesianMamlConfig> {
    private final BayesianMamlLearner.Variant variant;

    BayesianLearnerProvider(String name, String description, BayesianMamlLearner.Variant variant, double innerLr,
                            BayesianMamlConfig.MetaLoss metaLoss) {
        super(name, description, BayesianMamlConfig.class, new BayesianMamlConfig(5, MamlConfig.Order.SECOND, 1,
                innerLr, 1, metaLoss, 1, 0, 1.0, BackboneSpec.defaults(), MetaOptimizerConfig.defaults(), 0, 1));
        this.variant = variant;
    }

    @Override
    public final Learner create(BayesianMamlConfig config, LearnerContext context) {
        return BayesianMamlLearner.create(config, context, variant, DataType.FLOAT);
    }
}

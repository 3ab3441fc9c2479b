package org.metalearn4j.optimization.bayes;

import org.metalearn4j.core.learner.Learner;
import org.metalearn4j.core.learner.LearnerContext;
import org.metalearn4j.core.learner.LearnerProvider;
import org.metalearn4j.core.nn.BackboneSpec;
import org.metalearn4j.optimization.MamlConfig;
import org.metalearn4j.optimization.MetaOptimizerConfig;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * What {@code bmaml} and {@code ensemble-maml} share: one {@link BayesianMamlConfig}, defaults that differ in the
 * inner step size and meta-loss, and a {@link BayesianMamlLearner} of one variant.
 */
abstract class BayesianLearnerProvider implements LearnerProvider<BayesianMamlConfig> {
    private final String name;
    private final String description;
    private final BayesianMamlLearner.Variant variant;
    private final double innerLr;
    private final BayesianMamlConfig.MetaLoss metaLoss;

    BayesianLearnerProvider(String name, String description, BayesianMamlLearner.Variant variant, double innerLr,
                            BayesianMamlConfig.MetaLoss metaLoss) {
        this.name = name;
        this.description = description;
        this.variant = variant;
        this.innerLr = innerLr;
        this.metaLoss = metaLoss;
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
    public final Class<BayesianMamlConfig> configType() {
        return BayesianMamlConfig.class;
    }

    /**
     * 5 particles, one inner step, exact second order, the median-heuristic bandwidth, noise std 1, Adam 1e-3, one
     * task thread.
     */
    @Override
    public final BayesianMamlConfig defaults() {
        return new BayesianMamlConfig(5, MamlConfig.Order.SECOND, 1, innerLr, 1, metaLoss, 1, 0, 1.0,
                BackboneSpec.defaults(), MetaOptimizerConfig.defaults(), 0, 1);
    }

    @Override
    public final Learner create(BayesianMamlConfig config, LearnerContext context) {
        return BayesianMamlLearner.create(config, context, variant, DataType.FLOAT);
    }
}

package org.metalearn4j.optimization.bayes;

/** {@code bmaml}: Bayesian MAML, particles adapted by SVGD and meta-trained with the chaser loss. */
public final class BmamlProvider extends BayesianLearnerProvider {
    public BmamlProvider() {
        super("bmaml", "Bayesian MAML (Yoon et al. 2018): SVGD particles, chaser loss, predictive uncertainty",
                BayesianMamlLearner.Variant.BMAML, 0.05, BayesianMamlConfig.MetaLoss.CHASER);
    }
}

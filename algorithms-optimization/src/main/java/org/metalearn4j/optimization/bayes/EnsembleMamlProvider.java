package org.metalearn4j.optimization.bayes;

/** {@code ensemble-maml}: M independently initialised MAMLs averaged, Bayesian MAML's baseline. */
public final class EnsembleMamlProvider extends BayesianLearnerProvider {
    public EnsembleMamlProvider() {
        super("ensemble-maml", "ensemble of independently initialised MAML particles (Bayesian MAML's baseline)",
                BayesianMamlLearner.Variant.ENSEMBLE, 0.01, BayesianMamlConfig.MetaLoss.QUERY);
    }
}

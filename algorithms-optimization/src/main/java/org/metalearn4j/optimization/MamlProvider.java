package org.metalearn4j.optimization;

/** {@code maml}: Model-Agnostic Meta-Learning, exact second-order meta-gradients by default ({@code order}). */
public final class MamlProvider extends GradientLearnerProvider {
    public MamlProvider() {
        super("maml",
                "MAML (Finn et al. 2017): meta-learned initialization, first or exact second-order meta-gradients",
                MamlConfig.Order.SECOND, GradientMetaLearner.Variant.MAML);
    }
}

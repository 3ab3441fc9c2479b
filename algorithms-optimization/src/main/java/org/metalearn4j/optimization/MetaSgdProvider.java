package org.metalearn4j.optimization;

/**
 * {@code metasgd}: MAML whose inner step size is a learned array per weight (alpha, initialised to {@code innerLr}),
 * meta-trained together with the initialization.
 */
public final class MetaSgdProvider extends GradientLearnerProvider {
    public MetaSgdProvider() {
        super("metasgd",
                "Meta-SGD (Li et al. 2017): learned per-parameter inner learning rates; innerLr is their initial value",
                MamlConfig.Order.SECOND, GradientMetaLearner.Variant.META_SGD);
    }
}

package org.metalearn4j.optimization;

/** {@code anil}: MAML with the inner loop on the head only; the backbone's features are computed once per set. */
public final class AnilProvider extends GradientLearnerProvider {
    public AnilProvider() {
        super("anil", "ANIL (Raghu et al. 2020): MAML adapting only the final layer in the inner loop",
                MamlConfig.Order.SECOND, GradientMetaLearner.Variant.ANIL);
    }
}

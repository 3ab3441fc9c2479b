package org.metalearn4j.model.generative.metagan;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What MetaGAN's generator minimizes to fool the task's classifier. */
public enum GeneratorLoss {
    /**
     * The squared distance between the mean classifier features of the real query examples and of the generated ones
     * (Salimans et al. 2016), as MetaGAN does: fakes that sit where real examples do, near but not on the classes.
     */
    @JsonProperty("feature-matching") FEATURE_MATCHING,
    /** {@code -log D(fake)}, the non-saturating GAN loss (Goodfellow et al. 2014). */
    @JsonProperty("non-saturating") NON_SATURATING
}

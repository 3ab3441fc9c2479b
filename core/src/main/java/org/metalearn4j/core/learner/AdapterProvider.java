package org.metalearn4j.core.learner;

import org.metalearn4j.core.spi.Provider;

/**
 * Discovered through {@link java.util.ServiceLoader}: adapters that need no meta-training (fine-tuning from scratch or
 * from a pretrained backbone, nearest centroid on fixed features), used as baselines and in transfer pipelines.
 */
public interface AdapterProvider<C extends Record> extends Provider<C> {

    Adapter create(C config, LearnerContext context);
}

package org.metalearn4j.core.learner;

import org.metalearn4j.core.spi.Provider;

/** Discovered through {@link java.util.ServiceLoader}: one class plus a {@code META-INF/services} line per learner. */
public interface LearnerProvider<C extends Record> extends Provider<C> {

    /** Builds a learner; called once per run, after the configuration has been validated. */
    Learner create(C config, LearnerContext context);
}

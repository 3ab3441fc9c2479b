package org.metalearn4j.core.optim;

import org.metalearn4j.core.spi.Provider;

/**
 * Discovered through {@link java.util.ServiceLoader} (one class plus a line in
 * {@code META-INF/services/org.metalearn4j.core.optim.OptimizerProvider}): an {@link Optimizer} that any training loop
 * can use by writing {@code optimizer: {type: NAME, ...params}} in its config ({@link OptimizerSpec}). The built-in
 * ones are {@code adam}, {@code sgd} and {@code rmsprop}; a learned optimizer is another provider of the same kind.
 */
public interface OptimizerProvider<C extends Record> extends Provider<C> {

    /**
     * A fresh optimizer.
     *
     * @param setup what the training loop decides: its base learning rate and per-prefix groups (frozen parameters)
     * @throws IllegalArgumentException naming the offending parameter of {@code config} when it cannot be created
     */
    Optimizer create(C config, OptimizerSetup setup);
}

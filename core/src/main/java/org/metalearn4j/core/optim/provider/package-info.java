/**
 * The built-in {@link org.metalearn4j.core.optim.OptimizerProvider}s, {@code adam}, {@code sgd} and {@code rmsprop}:
 * each a config record of the optimizer's own settings (the learning rate is the training loop's) and a factory.
 */
package org.metalearn4j.core.optim.provider;

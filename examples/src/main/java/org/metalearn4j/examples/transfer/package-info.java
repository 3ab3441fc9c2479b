/**
 * Transfer-learning experiments: running any pipeline YAML, the Fashion-MNIST zero-shot experiment and the
 * Omniglot -> Fashion-MNIST cross-domain study. Commands are in BENCHMARKS.md, "Transfer".
 */
package org.metalearn4j.examples.transfer;

/**
 * Metric-learner applications on Omniglot: {@link org.metalearn4j.examples.metric.MetricOmniglotBenchmark} (train for
 * a wall-clock budget, score fixed meta-test episodes with 95% CIs and optionally the official one-shot runs) and
 * {@link org.metalearn4j.examples.metric.ClassifyCharacters} (train, then label new character images from one example
 * each).
 */
package org.metalearn4j.examples.metric;

/**
 * Metric-based meta-learners: an embedding backbone (Conv4 by default) trained on episodes so that a fixed comparison
 * rule classifies queries against the support set. One {@link org.metalearn4j.metric.MetricLearner} runs every
 * variant; what differs is the {@link org.metalearn4j.metric.head.MetricHead} (prototypes, attention, a relation
 * module, pair similarity). Providers {@code protonet}, {@code matchingnet}, {@code relationnet} and {@code siamese}
 * live in {@link org.metalearn4j.metric.providers}.
 */
package org.metalearn4j.metric;

/**
 * Metric-based meta-learners: an embedding backbone ({@link org.metalearn4j.core.nn.BackboneSpec}, Conv4 by default;
 * the embedding width is its feature size) trained on episodes so that a fixed comparison rule classifies queries
 * against the support set. One {@link org.metalearn4j.metric.MetricLearner} runs every
 * variant; what differs is the {@link org.metalearn4j.core.nn.metric.MetricHead} (prototypes, attention, a relation
 * module, pair similarity). Providers {@code protonet}, {@code matchingnet}, {@code relationnet} and {@code siamese}
 * live in {@link org.metalearn4j.metric.providers}.
 */
package org.metalearn4j.metric;

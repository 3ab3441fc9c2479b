/**
 * The {@link org.metalearn4j.core.learner.LearnerProvider}s of this module, each a configuration record plus a
 * provider that picks a {@link org.metalearn4j.core.nn.metric.MetricHead} for a
 * {@link org.metalearn4j.metric.MetricLearner}: {@code protonet}, {@code matchingnet}, {@code relationnet},
 * {@code siamese}.
 */
package org.metalearn4j.metric.providers;

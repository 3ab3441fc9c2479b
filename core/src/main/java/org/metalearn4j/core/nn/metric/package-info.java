/**
 * The model shared by the learners that classify queries against a labelled support set in an embedding space: a
 * {@link org.metalearn4j.core.nn.metric.MetricModel} is an embedding backbone plus a
 * {@link org.metalearn4j.core.nn.metric.MetricHead} that turns support and query embeddings into class logits;
 * {@link org.metalearn4j.core.nn.metric.SupportLabels} computes class prototypes,
 * {@link org.metalearn4j.core.nn.metric.Distance} compares queries with them, and
 * {@link org.metalearn4j.core.nn.metric.MetricAdapter} classifies new episodes. The metric learners (ProtoNet,
 * Relation Networks, ...) and MetaGAN's metric classifier build on them.
 */
package org.metalearn4j.core.nn.metric;

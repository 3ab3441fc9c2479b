/**
 * Comparison heads shared by the learners that classify queries against a labelled support set in an embedding
 * space: a {@link org.metalearn4j.core.nn.metric.MetricHead} turns support and query embeddings into class logits,
 * {@link org.metalearn4j.core.nn.metric.SupportLabels} computes class prototypes, and
 * {@link org.metalearn4j.core.nn.metric.Distance} compares queries with them. The metric learners (ProtoNet, Relation
 * Networks, ...) and MetaGAN's metric classifier build on them.
 */
package org.metalearn4j.core.nn.metric;

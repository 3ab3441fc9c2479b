/**
 * The comparison rules of metric learners: each {@link org.metalearn4j.metric.head.MetricHead} turns support and
 * query embeddings into class logits, and owns whatever parameters that rule learns (a relation module, an LSTM, a
 * pair scorer).
 */
package org.metalearn4j.metric.head;

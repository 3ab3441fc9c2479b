/**
 * The comparison rules only metric learners use: Matching Networks' attention (with full-context embeddings) and
 * Siamese pair scoring, each a core {@link org.metalearn4j.core.nn.metric.MetricHead} that owns whatever parameters
 * it learns. Prototypes and relation modules, which other learners share, are core's
 * ({@link org.metalearn4j.core.nn.metric}).
 */
package org.metalearn4j.metric.head;

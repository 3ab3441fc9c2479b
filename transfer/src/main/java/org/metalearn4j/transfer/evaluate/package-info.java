/**
 * Few-shot evaluation of whatever a pipeline produced (nothing, a backbone, a model, a meta-trained learner) on fixed
 * seeded episodes, reported as mean accuracy with a 95% confidence interval.
 */
package org.metalearn4j.transfer.evaluate;

/**
 * Bayesian MAML (Yoon et al. 2018, {@code bmaml}) and its ensemble baseline ({@code ensemble-maml}): M particles of a
 * network's parameters ({@link org.metalearn4j.optimization.bayes.Particles}) adapted together to a task, by Stein
 * variational gradient descent ({@link org.metalearn4j.optimization.bayes.SvgdRule}) or independently, meta-trained
 * with the chaser loss or the query likelihood. A task's result covers all its particles, so tasks spread over
 * threads or workers through the task executor; predictions carry uncertainty
 * ({@link org.metalearn4j.optimization.bayes.UncertainPredictor}).
 */
package org.metalearn4j.optimization.bayes;

/**
 * Model-based meta-learners: a network reads a task's support set and directly produces the task's predictor, with
 * no inner gradient steps. Each learner is a provider plus its math, trained by core's
 * {@link org.metalearn4j.core.learner.EpisodeObjectiveLearner}:
 * <ul>
 *   <li>{@link org.metalearn4j.model.np}: conditional, latent and attentive neural processes (regression with a
 *       predictive standard deviation);</li>
 *   <li>{@link org.metalearn4j.model.hyper}: weight generation, a cosine classifier whose class weights are
 *       generated from the support set, and a hypernetwork generating a small MLP's weights for regression;</li>
 *   <li>{@link org.metalearn4j.model.mann}: memory-augmented networks (LSTM controller, least-recently-used external
 *       memory) reading an episode as a sequence, and the plain LSTM baseline;</li>
 *   <li>{@link org.metalearn4j.model.taskembed}: a learner-independent task encoder whose embedding distances follow
 *       the distances between the tasks' solutions, and the set encoder the others share.</li>
 * </ul>
 * The pieces these packages share are in this package: {@link org.metalearn4j.model.DeclaredParameters} and
 * {@link org.metalearn4j.model.LearnerTaskType}.
 */
package org.metalearn4j.model;

/**
 * Optimization-based meta-learners: {@code maml}, {@code fomaml}, {@code anil}, {@code metasgd}
 * ({@link org.metalearn4j.optimization.GradientMetaLearner}) and {@code reptile}
 * ({@link org.metalearn4j.optimization.ReptileLearner}, {@link org.metalearn4j.optimization.BatchedReptileLearner}),
 * registered as
 * {@link org.metalearn4j.core.learner.LearnerProvider}s.
 *
 * <p>All of them adapt with one routine, core's {@link org.metalearn4j.core.learner.InnerLoop}: steps of a
 * differentiable {@link org.metalearn4j.core.optim.UpdateRule} on the support loss, recorded with
 * {@code createGraph} when the exact second-order meta-gradient is wanted. Evaluation
 * ({@link org.metalearn4j.optimization.FineTuneAdapter}) runs the same routine without {@code createGraph} on a fresh
 * copy of the meta-learned weights per episode.
 *
 * <p>Networks are core's {@link org.metalearn4j.core.nn.BackboneHeadModel}: a backbone named by a
 * {@link org.metalearn4j.core.nn.BackboneSpec} and a linear head, parameters named {@code backbone.*} and
 * {@code head.*}. The head starts each episode as {@link org.metalearn4j.optimization.HeadInit} says: meta-learned
 * with {@code train.way} outputs (Finn et al.), or built for the episode's own number of classes, at zero or from the
 * support features' class means (Proto-MAML), in which case only the backbone is meta-learned and any number of ways
 * can be trained and tested. Regression tasks use the mean squared error, classification tasks cross-entropy, chosen
 * from each task's type. The MAML family and batched Reptile are {@link org.metalearn4j.core.learner.TaskwiseLearner}s: each
 * task's result is computed on its own and the results are applied in task order, wherever an executor ran them.
 *
 * <p><b>Batch norm</b> is handled as Finn et al. did in the reference MAML implementation: it always normalises with
 * the statistics of the batch it is given and never uses running averages. In meta-training each task gets its own
 * forward context, so the inner loop normalises with the task's support-set statistics and the query pass with the
 * query set's; at evaluation the support set's statistics are used while adapting and the query batch's while
 * predicting (transductive). The learnable scale and shift are adapted in the inner loop like every other weight.
 */
package org.metalearn4j.optimization;

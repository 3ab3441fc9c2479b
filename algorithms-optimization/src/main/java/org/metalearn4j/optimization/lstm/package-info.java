/**
 * {@code lstm-meta-learner}: Ravi and Larochelle's (2017) LSTM meta-learner. The learner's parameters are the cell
 * state of a coordinatewise two-layer LSTM ({@link org.metalearn4j.optimization.lstm.MetaLstm}), whose input and
 * forget gates read the preprocessed loss and gradient ({@link org.metalearn4j.optimization.lstm.LogAndSign}), the
 * parameter and the gate's previous value; all coordinates share the weights, and the initial parameters are learned
 * too. The update is core's {@link org.metalearn4j.core.optim.UpdateRule} seam, so the learner adapts with core's
 * {@link org.metalearn4j.core.learner.InnerLoop} like the MAML family.
 *
 * <p><b>Batch norm</b> as the paper handled it: batch statistics for the support and query sets during
 * meta-training, and at evaluation the query normalised with the support set's statistics under the adapted weights
 * (never the query batch's own), so test examples do not influence each other.
 */
package org.metalearn4j.optimization.lstm;

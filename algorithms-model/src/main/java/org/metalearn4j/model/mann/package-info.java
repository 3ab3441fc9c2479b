/**
 * Memory-augmented neural networks (Santoro et al. 2016): an LSTM controller with an external memory written and read
 * with least-recently-used access, reading an episode as a sequence in which the label of step t is given at step
 * t + 1, the memory wiped between episodes; and the plain LSTM of the same size as the baseline. Episodes are ordinary
 * tasks: the support set (N classes x K instances) is presented as one sequence in a random order, so the data sets'
 * episode samplers serve them unchanged. {@link org.metalearn4j.model.mann.InstanceAccuracy} scores the sequence
 * protocol (accuracy at the 1st, 2nd, ... instance of each class).
 */
package org.metalearn4j.model.mann;

/**
 * Meta-reinforcement learning: {@code maml-rl}, {@code fomaml-rl} and {@code pretrain-rl} learn Gaussian policies for
 * the control tasks of an {@link org.metalearn4j.core.env.EnvironmentDataset}, adapting by policy-gradient steps on
 * sampled trajectories with a linear baseline, meta-trained through a DiCE surrogate.
 */
package org.metalearn4j.optimization.rl;

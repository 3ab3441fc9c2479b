/**
 * A learned LSTM optimizer (Andrychowicz et al. 2016): {@code learned-optimizer} meta-trains a coordinatewise
 * two-layer LSTM ({@link org.metalearn4j.optimization.learned.CoordinatewiseLstm}) by truncated backpropagation
 * through unrolled optimizations of freshly initialised optimizees
 * ({@link org.metalearn4j.optimization.learned.OptimizationProblem},
 * {@link org.metalearn4j.optimization.learned.Trajectory}); {@code learned-lstm} then reads a trained one from its
 * run directory as an {@link org.metalearn4j.core.optim.Optimizer} for any training loop
 * ({@link org.metalearn4j.optimization.learned.LearnedLstmOptimizer}). The same network is a differentiable
 * {@link org.metalearn4j.core.optim.UpdateRule} ({@link org.metalearn4j.optimization.learned.LearnedLstmRule}).
 */
package org.metalearn4j.optimization.learned;

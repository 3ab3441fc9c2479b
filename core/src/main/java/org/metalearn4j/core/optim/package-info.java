/**
 * Optimizers that update leaf parameters in place from explicitly passed gradients:
 * {@link org.metalearn4j.core.optim.Sgd} (momentum, Nesterov, weight decay) and
 * {@link org.metalearn4j.core.optim.Adam},
 * per-prefix {@link org.metalearn4j.core.optim.ParamGroup}s (per-layer learning rates, frozen layers),
 * {@link org.metalearn4j.core.optim.GradClip} global-norm clipping, and exact state save/load via
 * {@link org.metalearn4j.core.state.StateDict}.
 */
package org.metalearn4j.core.optim;

/**
 * {@code task-conditioned}: an optimizer whose inner-loop learning rates depend on the task. A support-set encoder
 * ({@link org.metalearn4j.optimization.conditioned.SupportEncoder}, built in: a mean-pooled MLP) reads the task, and a
 * linear conditioner turns its embedding into per-layer rate scales and per-step weights that modulate Meta-SGD's
 * learned per-entry rates; everything is meta-trained like Meta-SGD.
 */
package org.metalearn4j.optimization.conditioned;

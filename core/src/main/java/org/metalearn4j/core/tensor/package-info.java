/**
 * A small define-by-run autodiff over ND4J arrays, in the spirit of {@code torch.autograd}.
 *
 * <p>{@link org.metalearn4j.core.tensor.Tensor} wraps an {@code INDArray} and records the op that produced it;
 * {@link org.metalearn4j.core.tensor.Autograd#grad} returns gradients (never accumulates them). Every backward formula
 * is written with the same differentiable ops, so with {@code createGraph = true} gradients of gradients are exact to
 * any order. Data types follow the inputs (float32 for speed, float64 for gradient checks).
 *
 * <pre>{@code
 * Tensor w = Tensor.variable(Nd4j.rand(DataType.DOUBLE, 3, 2));
 * Tensor loss = x.matmul(w).relu().square().mean();
 * Tensor g = Autograd.grad(loss, List.of(w), true).get(0);      // differentiable
 * Tensor h = Autograd.grad(g.square().sum(), List.of(w), false).get(0);
 * try (Scope s = Autograd.noGrad()) { ... fast evaluation, nothing recorded ... }
 * }</pre>
 *
 * <p>New differentiable ops, in this module or in a plugin, are recorded with {@link org.metalearn4j.core.tensor.Op}:
 * a forward value plus a {@link org.metalearn4j.core.tensor.Backward} written in differentiable ops, optionally with a
 * fast first-order {@link org.metalearn4j.core.tensor.ArrayBackward}.
 *
 * <p>Shape errors throw {@link org.metalearn4j.core.tensor.ShapeException} naming the op, the arguments and their
 * shapes; inside {@link org.metalearn4j.core.tensor.Autograd#checkNumerics()} the first op producing NaN/Inf throws
 * {@link org.metalearn4j.core.tensor.NonFiniteException}.
 */
package org.metalearn4j.core.tensor;

package org.metalearn4j.core.tensor;

import java.util.List;
import java.util.Objects;
import org.metalearn4j.core.backend.CollectionPacer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * An immutable handle on an ND4J array that remembers the op which produced it, so that {@link Autograd#grad} can
 * differentiate through it (define-by-run, like torch.autograd).
 *
 * <p>Treat {@link #value()} as read-only: ops may return views that share memory with their inputs. The one sanctioned
 * exception is an optimizer updating the buffers of leaf parameters in place between steps.
 *
 * <p>Ops record a graph node only when grad mode is on (see {@link Autograd#noGrad()}) and at least one input
 * {@link #requiresGrad()}; the data type of a result follows its inputs (float32 and float64 are both supported).
 */
public final class Tensor {
    private final INDArray value;
    private final boolean requiresGrad;
    private final Node node;

    private Tensor(INDArray value, boolean requiresGrad, Node node) {
        this.value = Objects.requireNonNull(value, "value");
        this.requiresGrad = requiresGrad;
        this.node = node;
        CollectionPacer.allocated(value);
    }

    /** A tensor that never receives gradients (data, labels, masks). */
    public static Tensor constant(INDArray value) {
        return new Tensor(value, false, null);
    }

    /** A leaf that gradients can be taken with respect to (a parameter or an input under study). */
    public static Tensor variable(INDArray value) {
        return new Tensor(value, true, null);
    }

    /** A constant scalar of the given data type. */
    public static Tensor scalar(double v, DataType type) {
        return constant(Nd4j.scalar(type, v));
    }

    /** Records {@code value} as the output of {@code op} applied to {@code inputs}, if any input needs a gradient. */
    static Tensor record(String op, INDArray value, Backward backward, Tensor... inputs) {
        OpProfiler.tick(op);
        checkFinite(op, value);
        return recordsGraph(inputs) ? new Tensor(value, true, new Node(op, inputs, backward))
                : new Tensor(value, false, null);
    }

    /**
     * Records {@code values} as the outputs of one op applied to {@code inputs}, if any input needs a gradient: the
     * outputs share one {@link OutputGroup}, so that their backward runs once with all of their gradients.
     */
    static Tensor[] recordAll(String op, INDArray[] values, MultiBackward backward, Tensor... inputs) {
        OpProfiler.tick(op);
        if (Mode.checkNumerics()) {
            for (int k = 0; k < values.length; k++) {
                checkFinite(op + " (output " + k + ")", values[k]);
            }
        }
        OutputGroup group = recordsGraph(inputs) ? new OutputGroup(backward) : null;
        Tensor[] outs = new Tensor[values.length];
        for (int k = 0; k < values.length; k++) {
            outs[k] = group != null ? new Tensor(values[k], true, new Node(op, inputs, null, group))
                    : new Tensor(values[k], false, null);
        }
        if (group != null) {
            group.setOutputs(outs);
        }
        return outs;
    }

    /** Under {@link Autograd#checkNumerics()}, fails naming {@code op} when its result holds NaN or Inf. */
    private static void checkFinite(String op, INDArray value) {
        if (Mode.checkNumerics() && (value.isNaN().any() || value.isInfinite().any())) {
            throw new NonFiniteException(op, value.shape());
        }
    }

    /** Whether an op on {@code inputs} keeps a graph node: grad mode is on and some input requires a gradient. */
    private static boolean recordsGraph(Tensor... inputs) {
        if (Mode.gradEnabled()) {
            for (Tensor t : inputs) {
                if (t.requiresGrad) {
                    return true;
                }
            }
        }
        return false;
    }

    Node node() {
        return node;
    }

    /** The underlying array; read-only by contract. */
    public INDArray value() {
        return value;
    }

    public boolean requiresGrad() {
        return requiresGrad;
    }

    /** True for tensors not produced by a recorded op (constants and variables). */
    public boolean isLeaf() {
        return node == null;
    }

    /** The same value cut off from the graph; gradients do not flow through the result. */
    public Tensor detach() {
        return constant(value);
    }

    /** The same value as a new leaf variable (a fresh start for a nested differentiation). */
    public Tensor detachVariable() {
        return variable(value);
    }

    /** A copy of the shape (ND4J hands out its internal array, which must never be mutated). */
    public long[] shape() {
        return value.shape().clone();
    }

    public int rank() {
        return value.rank();
    }

    public long size(int axis) {
        return value.size(axis < 0 ? axis + rank() : axis);
    }

    public long length() {
        return value.length();
    }

    public DataType dataType() {
        return value.dataType();
    }

    /** The single element of a one-element tensor as a double. */
    public double item() {
        if (value.length() != 1) {
            throw ShapeException.of("item", "expected a single element", "tensor", value.shape());
        }
        return value.getDouble(0);
    }

    // ---- arithmetic (broadcasting like numpy) ----

    public Tensor add(Tensor other) {
        return Arithmetic.add(this, other);
    }

    public Tensor sub(Tensor other) {
        return Arithmetic.sub(this, other);
    }

    public Tensor mul(Tensor other) {
        return Arithmetic.mul(this, other);
    }

    public Tensor div(Tensor other) {
        return Arithmetic.div(this, other);
    }

    /** {@code this + alpha * other}, e.g. a gradient step; one native call when the shapes are equal. */
    public Tensor addScaled(Tensor other, double alpha) {
        return Arithmetic.addScaled(this, other, alpha);
    }

    public Tensor add(double c) {
        return Arithmetic.addScalar(this, c);
    }

    public Tensor sub(double c) {
        return Arithmetic.addScalar(this, -c);
    }

    public Tensor mul(double c) {
        return Arithmetic.mulScalar(this, c);
    }

    public Tensor div(double c) {
        return Arithmetic.mulScalar(this, 1.0 / c);
    }

    /** {@code c - this}. */
    public Tensor rsub(double c) {
        return Arithmetic.addScalar(Arithmetic.mulScalar(this, -1.0), c);
    }

    public Tensor neg() {
        return Arithmetic.mulScalar(this, -1.0);
    }

    // ---- elementwise math ----

    public Tensor exp() {
        return Elementwise.exp(this);
    }

    public Tensor log() {
        return Elementwise.log(this);
    }

    public Tensor sqrt() {
        return Elementwise.sqrt(this);
    }

    public Tensor pow(double exponent) {
        return Elementwise.pow(this, exponent);
    }

    public Tensor square() {
        return Elementwise.square(this);
    }

    public Tensor abs() {
        return Elementwise.abs(this);
    }

    // ---- activations ----

    public Tensor relu() {
        return Activations.relu(this);
    }

    public Tensor leakyRelu(double negativeSlope) {
        return Activations.leakyRelu(this, negativeSlope);
    }

    public Tensor tanh() {
        return Activations.tanh(this);
    }

    public Tensor sigmoid() {
        return Activations.sigmoid(this);
    }

    public Tensor softplus() {
        return Activations.softplus(this);
    }

    public Tensor softmax(int axis) {
        return Softmax.softmax(this, axis);
    }

    public Tensor logSoftmax(int axis) {
        return Softmax.logSoftmax(this, axis);
    }

    // ---- linear algebra ----

    /** Matrix product; rank-3 operands are batched over the leading axis. */
    public Tensor matmul(Tensor other) {
        return MatMul.matmul(this, other, false, false);
    }

    /** {@code op(this) @ op(other)} where op transposes the last two axes when the flag is set. */
    public Tensor matmul(Tensor other, boolean transposeThis, boolean transposeOther) {
        return MatMul.matmul(this, other, transposeThis, transposeOther);
    }

    /**
     * {@code this W^T + b} for this {@code [N, in]}, {@code weight [out, in]} and {@code bias [out]}: the same value
     * and gradients as {@code matmul(weight, false, true).add(bias)}, in fewer native calls.
     */
    public Tensor affine(Tensor weight, Tensor bias) {
        return Affine.affine(this, weight, bias);
    }

    // ---- reductions ----

    /** Sum of all elements (a rank-0 tensor). */
    public Tensor sum() {
        return Reductions.sum(this, false, Reductions.allAxes(rank()));
    }

    public Tensor sum(boolean keepDims, int... axes) {
        return Reductions.sum(this, keepDims, axes);
    }

    public Tensor mean() {
        return Reductions.mean(this, false, Reductions.allAxes(rank()));
    }

    public Tensor mean(boolean keepDims, int... axes) {
        return Reductions.mean(this, keepDims, axes);
    }

    /** Mean of the squared elements (a rank-0 tensor): {@code square().mean()} in fewer native calls. */
    public Tensor meanSquare() {
        return Reductions.meanSquare(this);
    }

    /** Maximum over the axes; the gradient is shared equally among tied maxima. */
    public Tensor max(boolean keepDims, int... axes) {
        return Reductions.max(this, keepDims, axes);
    }

    // ---- shape ----

    public Tensor reshape(long... shape) {
        return ShapeOps.reshape(this, shape);
    }

    public Tensor permute(int... axes) {
        return ShapeOps.permute(this, axes);
    }

    /** Transpose of a matrix. */
    public Tensor transpose() {
        if (rank() != 2) {
            throw ShapeException.of("transpose", "expected a matrix, use transpose(a, b) otherwise", "x", shape());
        }
        return ShapeOps.permute(this, 1, 0);
    }

    /** Swaps two axes. */
    public Tensor transpose(int axisA, int axisB) {
        return ShapeOps.transpose(this, axisA, axisB);
    }

    /** Broadcasts to {@code shape} (numpy rules); the backward sums over the broadcast axes. */
    public Tensor expand(long... shape) {
        return ShapeOps.expand(this, shape);
    }

    /** Sums over broadcast axes down to {@code shape}: the inverse of {@link #expand}. */
    public Tensor sumToShape(long... shape) {
        return ShapeOps.sumToShape(this, shape);
    }

    /** Elements {@code from} (inclusive) to {@code to} (exclusive) along {@code axis}. */
    public Tensor slice(int axis, long from, long to) {
        return Slicing.slice(this, axis, from, to);
    }

    /** The entries at {@code indices} along {@code axis}, in that order (repeats allowed). */
    public Tensor indexSelect(int axis, long... indices) {
        return Slicing.indexSelect(this, axis, indices);
    }

    /** Concatenation along an existing axis. */
    public static Tensor concat(int axis, List<Tensor> parts) {
        return Slicing.concat(axis, parts);
    }

    /** Stacking along a new axis. */
    public static Tensor stack(int axis, List<Tensor> parts) {
        return Slicing.stack(axis, parts);
    }

    // ---- convolution and pooling ----

    /** 2-D cross-correlation of this {@code [N,C,H,W]} input with weights {@code [O,C,kH,kW]}, no bias. */
    public Tensor conv2d(Tensor weight, int stride, int padding) {
        return Conv2dOps.conv2d(this, weight, null, stride, padding, ImageLayout.NCHW);
    }

    /** As {@link #conv2d(Tensor, int, int)} plus a bias {@code [O]} added in the same kernel. */
    public Tensor conv2d(Tensor weight, Tensor bias, int stride, int padding) {
        return Conv2dOps.conv2d(this, weight, bias, stride, padding, ImageLayout.NCHW);
    }

    /**
     * 2-D cross-correlation of this input in {@code layout} with weights {@code [O,C,kH,kW]} (that order in both
     * layouts) and an optional bias {@code [O]} ({@code null} for none); the output is in {@code layout} too.
     */
    public Tensor conv2d(Tensor weight, Tensor bias, int stride, int padding, ImageLayout layout) {
        return Conv2dOps.conv2d(this, weight, bias, stride, padding, layout);
    }

    /** Max-pooling of NCHW input with a square {@code kernel} and stride equal to the kernel. */
    public Tensor maxPool2d(int kernel) {
        return MaxPool2dOps.maxPool2d(this, kernel, ImageLayout.NCHW);
    }

    /** As {@link #maxPool2d(int)} for input in {@code layout}. */
    public Tensor maxPool2d(int kernel, ImageLayout layout) {
        return MaxPool2dOps.maxPool2d(this, kernel, layout);
    }

    @Override
    public String toString() {
        return "Tensor" + java.util.Arrays.toString(shape()) + (requiresGrad ? "(grad" + (node == null ? ")"
                : ", " + node.op() + ")") : "") + " " + value;
    }
}

package org.metalearn4j.core.tensor;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.reduce.floating.SquaredNorm;
import org.nd4j.linalg.factory.Nd4j;

/** Sum, mean and max over axes, with or without keeping the reduced axes as size 1. */
final class Reductions {
    private Reductions() {
    }

    static int[] allAxes(int rank) {
        int[] a = new int[rank];
        for (int i = 0; i < rank; i++) {
            a[i] = i;
        }
        return a;
    }

    static Tensor sum(Tensor x, boolean keepDims, int... axes) {
        int[] ax = Shapes.axes("sum", axes, x.rank());
        long[] shape = x.shape();
        long[] kept = Shapes.keepDims(shape, ax);
        if (ax.length == 0) {
            return x;
        }
        INDArray value = isChannelReduction(shape, ax) ? ChannelSums.sum(x.value()) : x.value().sum(keepDims, ax);
        if (keepDims) {
            value = value.reshape(kept);
        }
        return Tensor.record("sum", value, (out, g, needs) -> new Tensor[] {g.reshape(kept).expand(shape)}, x);
    }

    /** Axes 0, 2 and 3 of an NCHW array: per-channel statistics, done as one BLAS product. */
    private static boolean isChannelReduction(long[] shape, int[] axes) {
        return shape.length == 4 && axes.length == 3 && axes[0] == 0 && axes[1] == 2 && axes[2] == 3;
    }

    static Tensor mean(Tensor x, boolean keepDims, int... axes) {
        int[] ax = Shapes.axes("mean", axes, x.rank());
        long n = 1;
        for (int a : ax) {
            n *= x.shape()[a];
        }
        return sum(x, keepDims, ax).mul(1.0 / n);
    }

    /**
     * Mean of the squared elements as one reduction (the MSE core) instead of square, sum and scale. The first-order
     * backward {@code x * 2g/n} is one native call; a recorded backward is composed of differentiable ops.
     */
    static Tensor meanSquare(Tensor x) {
        INDArray v = x.value();
        long n = v.length();
        INDArray value = Nd4j.scalar(v.dataType(), Nd4j.getExecutioner().exec(new SquaredNorm(v)).getDouble(0) / n);
        return Op.record("meanSquare", value, (out, g, needs) -> new Tensor[] {x.mul(g.mul(2.0 / n))},
                (out, g, needs) -> new INDArray[] {v.mul(2.0 * g.getDouble(0) / n)}, x);
    }

    static Tensor max(Tensor x, boolean keepDims, int... axes) {
        int[] ax = Shapes.axes("max", axes, x.rank());
        long[] shape = x.shape();
        long[] kept = Shapes.keepDims(shape, ax);
        INDArray maxKept = x.value().max(true, ax);
        INDArray value = keepDims ? maxKept : maxKept.reshape('c', reducedShape(shape, ax));
        return Tensor.record("max", value, (out, g, needs) -> {
            INDArray mask = x.value().eq(ShapeOps.materialize(maxKept, shape)).castTo(x.dataType());
            mask.divi(mask.sum(true, ax));
            return new Tensor[] {g.reshape(kept).expand(shape).mul(Tensor.constant(mask))};
        }, x);
    }

    private static long[] reducedShape(long[] shape, int[] sortedAxes) {
        long[] out = new long[shape.length - sortedAxes.length];
        int j = 0;
        int k = 0;
        for (int i = 0; i < shape.length; i++) {
            if (k < sortedAxes.length && sortedAxes[k] == i) {
                k++;
            } else {
                out[j++] = shape[i];
            }
        }
        return out;
    }
}

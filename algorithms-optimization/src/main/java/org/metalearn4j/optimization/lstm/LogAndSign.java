package org.metalearn4j.optimization.lstm;

import java.util.List;
import org.metalearn4j.core.config.Checks;
import org.metalearn4j.core.tensor.Tensor;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The gradient preprocessing of Andrychowicz et al. (2016, appendix A), also used by Ravi and Larochelle (2017) for
 * gradients and losses: each value x becomes two inputs, {@code (log|x| / p, sign x)} when {@code |x| >= e^-p} and
 * {@code (-1, e^p x)} otherwise, so inputs of very different magnitudes reach the LSTM on one scale.
 *
 * <p>Written as {@code log(max(|x|, e^-p)) / p} (which is -1 below the threshold) and a masked sum, it is
 * differentiable in x away from the threshold, to any order.
 */
public final class LogAndSign {
    private final double p;

    /** @param p the exponent p (the papers use 10) */
    public LogAndSign(double p) {
        this.p = Checks.positive("preprocessing", p);
    }

    /** The two features of each row of the column {@code x [N, 1]}, as {@code [N, 2]}. */
    public Tensor apply(Tensor x) {
        checkColumn(x.shape());
        double threshold = Math.exp(-p);
        INDArray large = large(x.value());
        INDArray small = large.rsub(1.0);
        Tensor magnitude = x.abs().mul(Tensor.constant(large)).add(Tensor.constant(small.mul(threshold))).log()
                .div(p);
        Tensor direction = Tensor.constant(Transforms.sign(x.value(), true).muli(large))
                .add(x.mul(Tensor.constant(small)).mul(Math.exp(p)));
        return Tensor.concat(1, List.of(magnitude, direction));
    }

    /**
     * The values of {@link #apply} as a fresh {@code [N, 2]} array, with no graph: for fused ops that keep their own
     * backward ({@link #derivative}).
     */
    public INDArray features(INDArray x) {
        checkColumn(x.shape());
        INDArray large = large(x);
        INDArray small = large.rsub(1.0);
        INDArray magnitude = Transforms.log(Transforms.abs(x, true).muli(large).addi(small.mul(Math.exp(-p))), false)
                .divi(p);
        INDArray direction = Transforms.sign(x, true).muli(large).addi(x.mul(small).muli(Math.exp(p)));
        return Nd4j.concat(1, magnitude, direction);
    }

    /**
     * The derivative of each of the two features with respect to x, row by row, as {@code [N, 2]}: {@code 1 / (p x)}
     * and 0 above the threshold, 0 and {@code e^p} below it.
     */
    public INDArray derivative(INDArray x) {
        checkColumn(x.shape());
        INDArray large = large(x);
        INDArray small = large.rsub(1.0);
        // large / (p (x large + small)): the divisor is x where the first case holds and 1 where it is masked out
        return Nd4j.concat(1, x.mul(large).addi(small).muli(p).rdivi(large), small.mul(Math.exp(p)));
    }

    /** 1 where {@code |x| >= e^-p}, else 0, in x's type. */
    private INDArray large(INDArray x) {
        return Transforms.abs(x, true).gte(Math.exp(-p)).castTo(x.dataType());
    }

    private static void checkColumn(long[] shape) {
        if (shape.length != 2 || shape[1] != 1) {
            throw new IllegalArgumentException("log-and-sign preprocessing: expected a column [N, 1], got "
                    + java.util.Arrays.toString(shape));
        }
    }
}

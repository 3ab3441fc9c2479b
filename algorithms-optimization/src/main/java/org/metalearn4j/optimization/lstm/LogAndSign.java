package org.metalearn4j.optimization.lstm;

import java.util.List;
import org.metalearn4j.core.config.Checks;
import org.metalearn4j.core.tensor.Tensor;
import org.nd4j.linalg.api.ndarray.INDArray;
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
        if (x.rank() != 2 || x.shape()[1] != 1) {
            throw new IllegalArgumentException("log-and-sign preprocessing: expected a column [N, 1], got "
                    + java.util.Arrays.toString(x.shape()));
        }
        double threshold = Math.exp(-p);
        INDArray large = Transforms.abs(x.value(), true).gte(threshold).castTo(x.dataType());
        INDArray small = large.rsub(1.0);
        Tensor magnitude = x.abs().mul(Tensor.constant(large)).add(Tensor.constant(small.mul(threshold))).log()
                .div(p);
        Tensor direction = Tensor.constant(Transforms.sign(x.value(), true).muli(large))
                .add(x.mul(Tensor.constant(small)).mul(Math.exp(p)));
        return Tensor.concat(1, List.of(magnitude, direction));
    }
}

package org.metalearn4j.core.tensor;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastMulOp;
import org.nd4j.linalg.api.ops.impl.reduce3.Dot;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Batch normalisation over axis 1 of {@code [N,C]} or {@code [N,C,H,W]} inputs. Gradients flow through the batch
 * statistics too, exactly to every order.
 */
public final class BatchNorm {
    private BatchNorm() {
    }

    /**
     * The normalised output and the batch statistics it used.
     *
     * @param mean     per-channel batch mean, shape {@code [C]}, detached
     * @param variance per-channel biased batch variance, shape {@code [C]}, detached
     */
    public record Result(Tensor output, INDArray mean, INDArray variance) {
    }

    /**
     * Training mode: normalise with the statistics of this batch. The first-order backward is the closed-form batch
     * norm gradient in fused native calls; when the backward is itself recorded ({@code createGraph}), it is the exact
     * vector-Jacobian product of the composed formula instead, so higher orders stay exact.
     */
    public static Result train(Tensor x, Tensor gamma, Tensor beta, double eps) {
        channelShape("batchNorm", x, gamma, beta);
        int[] axes = x.rank() == 4 ? new int[] {0, 2, 3} : new int[] {0};
        INDArray xv = x.value();
        long channels = xv.size(1);
        long count = xv.length() / channels;
        INDArray mean = Nd4j.createUninitialized(xv.dataType(), channels);
        INDArray variance = Nd4j.createUninitialized(xv.dataType(), channels);
        // one pass for both statistics and one fused normalise-scale-shift pass: ND4J's channel-axis broadcasts on
        // NCHW arrays cost a full pass each, and these two calls replace six of them
        Nd4j.exec(DynamicCustomOp.builder("moments").addInputs(xv).addOutputs(mean, variance)
                .addIntegerArguments(axes).build());
        INDArray y = Nd4j.createUninitialized(xv.dataType(), xv.shape(), 'c');
        Nd4j.exec(DynamicCustomOp.builder("batchnorm").addInputs(xv, mean, variance, gamma.value(), beta.value())
                .addOutputs(y).addIntegerArguments(1, 1, 1).addFloatingPointArguments(eps).build());
        Tensor out = Tensor.record("batchNorm", y, (o, g, needs) -> Autograd.isGradEnabled()
                ? recordedBackward(x, gamma, beta, eps, g, needs)
                : closedFormBackward(xv, mean, variance, eps, gamma.value(), count, axes, g, needs), x, gamma, beta);
        return new Result(out, mean, variance);
    }

    /**
     * dx = A g + B xhat + C per channel, with A = gamma invStd, B = -A dgamma / n and C = -A dbeta / n (the usual
     * gamma invStd (g - mean(g) - xhat mean(g xhat))), dgamma = invStd (sum(g x) - mean sum(g)) and dbeta = sum(g).
     * Written this way it takes two reductions and three passes over the activations, with B xhat + C as one
     * fused batch-norm call on x; the normalised input is never materialised.
     */
    private static Tensor[] closedFormBackward(INDArray x, INDArray mean, INDArray variance, double eps,
                                               INDArray gamma, long count, int[] axes, Tensor grad, boolean[] needs) {
        INDArray g = grad.value();
        INDArray dBeta = g.sum(axes);
        INDArray gx = Nd4j.createUninitialized(x.dataType(), mean.length());
        Nd4j.exec(new Dot(g, x, gx, axes));
        INDArray invStd = Transforms.pow(variance.add(eps), -0.5, false);
        INDArray dGamma = gx.subi(mean.mul(dBeta)).muli(invStd);
        Tensor[] out = new Tensor[3];
        if (needs[0]) {
            INDArray a = gamma.mul(invStd);
            INDArray dx = Nd4j.createUninitialized(x.dataType(), x.shape(), 'c');
            Nd4j.exec(DynamicCustomOp.builder("batchnorm").addInputs(x, mean, variance, a.mul(dGamma).divi(-count),
                    a.mul(dBeta).divi(-count)).addOutputs(dx).addIntegerArguments(1, 1, 1)
                    .addFloatingPointArguments(eps).build());
            INDArray scaled = Nd4j.createUninitialized(x.dataType(), x.shape(), 'c');
            Nd4j.exec(new BroadcastMulOp(g, a, scaled, 1));
            out[0] = Tensor.constant(dx.addi(scaled));
        }
        out[1] = needs[1] ? Tensor.constant(dGamma) : null;
        out[2] = needs[2] ? Tensor.constant(dBeta) : null;
        return out;
    }

    private static Tensor[] recordedBackward(Tensor x, Tensor gamma, Tensor beta, double eps, Tensor g,
                                             boolean[] needs) {
        Tensor[] inputs = {x, gamma, beta};
        List<Tensor> wanted = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            if (needs[i]) {
                wanted.add(inputs[i]);
            }
        }
        List<Tensor> grads = Autograd.grad(List.of(composed(x, gamma, beta, eps)), List.of(g), wanted, true, true);
        Tensor[] out = new Tensor[3];
        for (int i = 0, j = 0; i < 3; i++) {
            out[i] = needs[i] ? grads.get(j++) : null;
        }
        return out;
    }

    /** The batch-norm formula in primitive differentiable ops. */
    private static Tensor composed(Tensor x, Tensor gamma, Tensor beta, double eps) {
        long[] channel = channelShape("batchNorm", x, gamma, beta);
        int[] axes = x.rank() == 4 ? new int[] {0, 2, 3} : new int[] {0};
        Tensor centered = x.sub(x.mean(true, axes));
        Tensor variance = centered.square().mean(true, axes);
        return centered.mul(variance.add(eps).pow(-0.5).mul(gamma.reshape(channel))).add(beta.reshape(channel));
    }

    /** Evaluation mode: normalise with fixed (running) statistics of shape {@code [C]}. */
    public static Tensor eval(Tensor x, Tensor gamma, Tensor beta, INDArray mean, INDArray variance, double eps) {
        long[] channel = channelShape("batchNorm", x, gamma, beta);
        if (!Autograd.isGradEnabled() || !(x.requiresGrad() || gamma.requiresGrad() || beta.requiresGrad())) {
            // nothing to differentiate (inference): one fused pass instead of three broadcasts
            INDArray y = Nd4j.createUninitialized(x.dataType(), x.value().shape(), 'c');
            Nd4j.exec(DynamicCustomOp.builder("batchnorm").addInputs(x.value(), mean, variance, gamma.value(),
                    beta.value()).addOutputs(y).addIntegerArguments(1, 1, 1).addFloatingPointArguments(eps).build());
            return Tensor.constant(y);
        }
        Tensor scale = Tensor.constant(variance.add(eps).reshape(channel)).pow(-0.5).mul(gamma.reshape(channel));
        return x.sub(Tensor.constant(mean.reshape(channel))).mul(scale).add(beta.reshape(channel));
    }

    private static long[] channelShape(String op, Tensor x, Tensor gamma, Tensor beta) {
        if (x.rank() != 2 && x.rank() != 4) {
            throw ShapeException.of(op, "expected input of rank 2 [N,C] or 4 [N,C,H,W]", "input", x.shape());
        }
        long c = x.shape()[1];
        if (gamma.length() != c || gamma.rank() != 1) {
            throw ShapeException.of(op, "weight must have shape [C] with C = input axis 1", "input", x.shape(),
                    "weight", gamma.shape());
        }
        if (beta.length() != c || beta.rank() != 1) {
            throw ShapeException.of(op, "bias must have shape [C] with C = input axis 1", "input", x.shape(),
                    "bias", beta.shape());
        }
        return x.rank() == 4 ? new long[] {1, c, 1, 1} : new long[] {1, c};
    }
}

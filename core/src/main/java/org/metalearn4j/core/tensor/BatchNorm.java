package org.metalearn4j.core.tensor;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
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
        INDArray xv = x.value();
        long[] channel = channelShape("batchNorm", x, gamma, beta);
        long count = xv.length() / xv.size(1);
        // two-pass statistics (no cancellation) and a scale-and-shift pass, each a BLAS product or a broadcastable
        // kernel: ND4J's moments and batchnorm ops loop over strided channel slices one element at a time
        INDArray mean = ChannelSums.sum(xv).divi(count);
        INDArray centredSquares = broadcast("squaredsubtract", xv, mean.reshape(channel));
        INDArray variance = ChannelSums.sum(centredSquares).divi(count);
        INDArray invStd = Transforms.pow(variance.add(eps), -0.5, false);
        INDArray scale = gamma.value().mul(invStd);
        INDArray shift = beta.value().sub(mean.mul(scale));
        INDArray y = broadcastInto("multiply", xv, scale.reshape(channel), centredSquares);
        broadcastInto("add", y, shift.reshape(channel), y);
        Tensor out = Op.record("batchNorm", y, (o, g, needs) -> recordedBackward(x, gamma, beta, eps, g, needs),
                (o, g, needs) -> closedFormBackward(xv, mean, invStd, scale, channel, count, g, needs), x, gamma, beta);
        return new Result(out, mean, variance);
    }

    /**
     * dx = A g + B x + C per channel ({@link #inputGrad}), with A = gamma invStd, B = -A invStd dgamma / n and
     * C = -A (dbeta - invStd mean dgamma) / n (the usual gamma invStd (g - mean(g) - xhat mean(g xhat)) expanded),
     * dgamma = invStd (sum(g x) - mean sum(g)) and dbeta = sum(g): two BLAS reductions and four broadcast passes; the
     * normalised input is never materialised.
     */
    private static INDArray[] closedFormBackward(INDArray x, INDArray mean, INDArray invStd, INDArray a,
                                                 long[] channel, long count, INDArray g, boolean[] needs) {
        INDArray dBeta = ChannelSums.sum(g);
        INDArray dGamma = ChannelSums.dot(g, x).subi(mean.mul(dBeta)).muli(invStd);
        INDArray[] out = new INDArray[3];
        if (needs[0]) {
            INDArray b = a.mul(invStd).muli(dGamma).divi(-count);
            INDArray c = dBeta.sub(invStd.mul(mean).muli(dGamma)).muli(a).divi(-count);
            out[0] = inputGrad(x, g, a.reshape(channel), b.reshape(channel), c.reshape(channel));
        }
        out[1] = needs[1] ? dGamma : null;
        out[2] = needs[2] ? dBeta : null;
        return out;
    }

    /**
     * {@code dx = a g + b x + c} with per-channel a, b, c. The product {@code a g} needs a temporary; it is formed a
     * block of rows at a time ({@link RowBlocks}), so the step's peak memory holds one block of it, not a whole-batch
     * copy.
     */
    private static INDArray inputGrad(INDArray x, INDArray g, INDArray a, INDArray b, INDArray c) {
        INDArray dx = Nd4j.createUninitialized(x.dataType(), x.shape(), 'c');
        RowBlocks.forEach(x, (start, end, scaledGrad) -> {
            INDArray out = RowBlocks.rows(dx, start, end);
            broadcastInto("multiply", RowBlocks.rows(g, start, end), a, scaledGrad);
            broadcastInto("multiply", RowBlocks.rows(x, start, end), b, out);
            broadcastInto("add", out, c, out);
            out.addi(scaledGrad);
        });
        return dx;
    }

    /** ND4J's numpy-broadcasting kernel {@code op} (add, multiply, squaredsubtract) into a new array. */
    private static INDArray broadcast(String op, INDArray big, INDArray perChannel) {
        return broadcastInto(op, big, perChannel, Nd4j.createUninitialized(big.dataType(), big.shape(), 'c'));
    }

    private static INDArray broadcastInto(String op, INDArray big, INDArray perChannel, INDArray out) {
        Nd4j.exec(DynamicCustomOp.builder(op).addInputs(big, perChannel).addOutputs(out).build());
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
            // nothing to differentiate (inference): one scale and one shift pass
            INDArray scale = gamma.value().mul(Transforms.pow(variance.add(eps), -0.5, false));
            INDArray y = broadcast("multiply", x.value(), scale.reshape(channel));
            return Tensor.constant(broadcastInto("add", y, beta.value().sub(mean.mul(scale)).reshape(channel), y));
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

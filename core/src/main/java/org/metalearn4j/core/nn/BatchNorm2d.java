package org.metalearn4j.core.nn;

import java.util.List;
import org.metalearn4j.core.tensor.BatchNorm;
import org.metalearn4j.core.tensor.ImageLayout;
import org.metalearn4j.core.tensor.Tensor;

/**
 * Batch normalisation over the channel axis of image batches in {@code layout} (or of {@code [N,C]} input), with
 * learnable {@code weight} (init 1) and {@code bias} (init 0). Training mode normalises with batch statistics and
 * updates the context's running statistics; evaluation mode normalises with the running statistics.
 */
public record BatchNorm2d(int channels, double eps, double momentum, ImageLayout layout) implements Module {
    public BatchNorm2d {
        if (channels < 1 || !(eps > 0) || !(momentum >= 0 && momentum <= 1) || layout == null) {
            throw new IllegalArgumentException("BatchNorm2d: need channels >= 1, eps > 0, momentum in [0,1] and a"
                    + " layout, got " + channels + ", " + eps + ", " + momentum + ", " + layout);
        }
    }

    /** NCHW input. */
    public BatchNorm2d(int channels, double eps, double momentum) {
        this(channels, eps, momentum, ImageLayout.NCHW);
    }

    /** PyTorch defaults: eps 1e-5, momentum 0.1; NCHW input. */
    public BatchNorm2d(int channels) {
        this(channels, 1e-5, 0.1);
    }

    /** PyTorch defaults: eps 1e-5, momentum 0.1. */
    public BatchNorm2d(int channels, ImageLayout layout) {
        this(channels, 1e-5, 0.1, layout);
    }

    @Override
    public List<ParameterSpec> parameterSpecs() {
        return List.of(new ParameterSpec("weight", new long[] {channels}, Init.ones()),
                new ParameterSpec("bias", new long[] {channels}, Init.zeros()));
    }

    @Override
    public Tensor forward(Params params, Tensor x, ForwardContext ctx) {
        if (layout == ImageLayout.NHWC && x.rank() == 4) {
            // channels last: the batch is a [N*H*W, C] matrix, normalised per column
            long[] shape = x.shape();
            return normalise(params, x.reshape(x.length() / shape[3], shape[3]), ctx).reshape(shape);
        }
        return normalise(params, x, ctx);
    }

    private Tensor normalise(Params params, Tensor x, ForwardContext ctx) {
        Tensor gamma = params.get("weight");
        Tensor beta = params.get("bias");
        RunningStats stats = ctx.runningStats();
        if (!ctx.training()) {
            return BatchNorm.eval(x, gamma, beta, stats.mean(params.path(), channels, x.dataType()),
                    stats.variance(params.path(), channels, x.dataType()), eps);
        }
        BatchNorm.Result r = BatchNorm.train(x, gamma, beta, eps);
        long n = x.length() / channels;
        stats.update(params.path(), r.mean(), r.variance().mul(n / Math.max(1.0, n - 1.0)), momentum);
        return r.output();
    }
}

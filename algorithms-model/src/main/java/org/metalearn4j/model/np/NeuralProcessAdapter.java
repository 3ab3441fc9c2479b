package org.metalearn4j.model.np;

import org.metalearn4j.core.learner.Adapter;
import org.metalearn4j.core.learner.Prediction;
import org.metalearn4j.core.learner.Predictor;
import org.metalearn4j.core.learner.ProbabilisticPredictor;
import org.metalearn4j.core.nn.ForwardContext;
import org.metalearn4j.core.nn.Init;
import org.metalearn4j.core.nn.Params;
import org.metalearn4j.core.task.Examples;
import org.metalearn4j.core.task.Seeds;
import org.metalearn4j.core.task.TaskType;
import org.metalearn4j.core.tensor.Autograd;
import org.metalearn4j.core.tensor.Scope;
import org.metalearn4j.core.tensor.Tensor;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * A neural process conditioned on a support set: the context is encoded once, and each prediction decodes the query
 * inputs into a Gaussian per point. With the latent path and {@code evalSamples = S > 0}, {@code S} latents drawn from
 * {@code q(z | context)} (the same seeded draws for every task) give S Gaussians per point, moment-matched into one
 * (mean of the means; variance the mean of {@code std^2 + mean^2} minus the squared mean); with {@code S = 0} the
 * latent is the mean of {@code q(z | context)}.
 */
final class NeuralProcessAdapter implements Adapter {
    private final NeuralProcess model;
    private final Params params;
    private final long seed;

    NeuralProcessAdapter(NeuralProcess model, Params params, long seed) {
        this.model = model;
        this.params = params;
        this.seed = seed;
    }

    @Override
    public Predictor adapt(Examples support, TaskType type, int ways) {
        if (type != TaskType.REGRESSION) {
            throw new IllegalArgumentException("neural processes predict regression targets; got a " + type + " task");
        }
        if (support.size() == 0) {
            throw new IllegalArgumentException("empty context: a neural process needs at least one support point");
        }
        support.requireFinite("support set");
        DataType dataType = params.tensors().get(0).dataType();
        ForwardContext ctx = ForwardContext.eval();
        try (Scope s = Autograd.noGrad()) {
            Tensor xc = PointBatch.single(support.x(), model.xDim(), dataType);
            Tensor yc = PointBatch.single(support.y(), model.yDim(), dataType);
            Tensor representations = model.representations(params, xc, yc, null, ctx);
            Gaussian latent = model.latent(params, xc, yc, null, ctx);
            return (ProbabilisticPredictor) x -> predict(x, xc, representations, latent, dataType);
        }
    }

    private Prediction predict(INDArray x, Tensor xc, Tensor representations, Gaussian latent, DataType dataType) {
        ForwardContext ctx = ForwardContext.eval();
        long n = x.size(0);
        long[] shape = {n, model.yDim()};
        try (Scope s = Autograd.noGrad()) {
            Tensor xt = PointBatch.single(x, model.xDim(), dataType);
            Tensor rt = model.aggregate(params, representations, xc, null, xt, ctx);
            int samples = model.config().evalSamples();
            if (latent == null || samples == 0) {
                Gaussian g = model.decode(params, xt, rt, latent == null ? null : latent.mean(), ctx);
                return new Prediction(g.mean().value().reshape(shape), g.std().value().reshape(shape));
            }
            long[] noiseShape = {1, 1, model.config().latentSize()};
            INDArray sum = null;
            INDArray sumSquares = null;
            for (int i = 0; i < samples; i++) {
                Tensor noise = Tensor.constant(new Init.Normal(1).create(noiseShape, dataType,
                        Seeds.derive(seed, 2, i)));
                Gaussian g = model.decode(params, xt, rt, latent.sample(noise), ctx);
                INDArray mean = g.mean().value().castTo(DataType.DOUBLE).reshape(shape);
                INDArray std = g.std().value().castTo(DataType.DOUBLE).reshape(shape);
                INDArray square = std.mul(std).addi(mean.mul(mean));
                sum = sum == null ? mean.dup() : sum.addi(mean);
                sumSquares = sumSquares == null ? square : sumSquares.addi(square);
            }
            INDArray mean = sum.divi(samples);
            double floor = model.config().minStd() * model.config().minStd();
            INDArray variance = Transforms.max(sumSquares.divi(samples).subi(mean.mul(mean)), floor, false);
            return new Prediction(mean.castTo(dataType), Transforms.sqrt(variance, false).castTo(dataType));
        }
    }
}

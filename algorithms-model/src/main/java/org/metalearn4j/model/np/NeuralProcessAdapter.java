package org.metalearn4j.model.np;

import java.util.ArrayList;
import java.util.List;
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

/**
 * A neural process conditioned on a support set: the context is encoded once, and each prediction decodes the query
 * inputs into a Gaussian per point. With the latent path and {@code evalSamples = S > 0}, {@code S} latents drawn from
 * {@code q(z | context)} (the same seeded draws for every task) give S Gaussians per point, moment-matched into one
 * ({@link Prediction#mixture}); with {@code S = 0} the latent is the mean of {@code q(z | context)}.
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
            List<Prediction> draws = new ArrayList<>(samples);
            for (int i = 0; i < samples; i++) {
                Tensor noise = Tensor.constant(new Init.Normal(1).create(noiseShape, dataType,
                        Seeds.derive(seed, 2, i)));
                Gaussian g = model.decode(params, xt, rt, latent.sample(noise), ctx);
                draws.add(new Prediction(g.mean().value().reshape(shape), g.std().value().reshape(shape)));
            }
            return Prediction.mixture(draws);
        }
    }
}

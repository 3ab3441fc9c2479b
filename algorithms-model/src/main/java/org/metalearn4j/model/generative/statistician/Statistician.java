package org.metalearn4j.model.generative.statistician;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.metalearn4j.core.nn.BackboneHeadModel;
import org.metalearn4j.core.nn.ForwardContext;
import org.metalearn4j.core.nn.Mlp;
import org.metalearn4j.core.nn.Module;
import org.metalearn4j.core.nn.Params;
import org.metalearn4j.core.nn.Sequential;
import org.metalearn4j.core.nn.backbone.Backbone;
import org.metalearn4j.core.tensor.Tensor;
import org.metalearn4j.model.generative.Bernoulli;
import org.metalearn4j.model.generative.DiagonalGaussian;
import org.metalearn4j.model.generative.Noise;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * A neural statistician (Edwards and Storkey 2017) made conditional, as neural processes are: a class latent
 * {@code c} summarizes a set of examples of one class, an example latent {@code z} holds one example's style, and a
 * decoder gives each pixel a Bernoulli probability from {@code (z, c)}.
 * <ul>
 *   <li>statistic network {@code q(c | set)}: a Gaussian from the mean of the set's encoder features;</li>
 *   <li>inference network {@code q(z | x, c)} and prior {@code p(z | c)}: Gaussians from MLPs;</li>
 *   <li>decoder {@code p(x | z, c)}: an MLP or a convolutional decoder ({@code decoderArchitecture}) giving one
 *       logit per pixel.</li>
 * </ul>
 * Given K context examples S of a class and targets T of the same class, the objective is the conditional ELBO of
 * neural processes, a lower bound on {@code log p(T | S)} with the context's own posterior as the prior of c:
 * <pre>
 *   E_{q(c|S+T)} [ sum_{x in T} E_{q(z|x,c)} log p(x|z,c) - KL(q(z|x,c) || p(z|c)) ] - KL(q(c|S+T) || q(c|S))
 * </pre>
 * so {@code q(c|S)} is exactly the distribution new examples are drawn from. Parameters follow the framework's model
 * shape: the encoder is {@code backbone.*}, the four networks are {@code head.statistic.*}, {@code head.inference.*},
 * {@code head.prior.*} and {@code head.decoder.*}.
 */
final class Statistician {
    static final String STATISTIC = "statistic";
    static final String INFERENCE = "inference";
    static final String PRIOR = "prior";
    static final String DECODER = "decoder";

    private final BackboneHeadModel layout;
    private final Module statistic;
    private final Module inference;
    private final Module prior;
    private final Module decoder;
    private final long[] exampleShape;
    private final int pixels;
    private final int contextSize;
    private final int latentSize;
    private final double binarizeAt;

    Statistician(Backbone encoder, long[] exampleShape, StatisticianConfig config) {
        int features = Math.toIntExact(encoder.featureSize());
        this.exampleShape = exampleShape.clone();
        this.pixels = Math.toIntExact(Arrays.stream(exampleShape).reduce(1, Math::multiplyExact));
        this.contextSize = config.contextSize();
        this.latentSize = config.latentSize();
        this.binarizeAt = config.binarizeAt();
        this.statistic = Mlp.of(features, config.hidden(), 2 * contextSize);
        this.inference = Mlp.of(features + contextSize, config.hidden(), 2 * latentSize);
        this.prior = Mlp.of(contextSize, config.hidden(), 2 * latentSize);
        this.decoder = config.decoderArchitecture().decoder(latentSize + contextSize, exampleShape,
                config.decoderHidden(), config.decoderChannels());
        Map<String, Module> head = new LinkedHashMap<>();
        head.put(STATISTIC, statistic);
        head.put(INFERENCE, inference);
        head.put(PRIOR, prior);
        head.put(DECODER, decoder);
        // the head only declares the four networks' parameters; they are never run in sequence
        this.layout = new BackboneHeadModel(encoder.module(), Sequential.named(head));
    }

    BackboneHeadModel layout() {
        return layout;
    }

    long[] exampleShape() {
        return exampleShape.clone();
    }

    /** Encoder features {@code [sets, n, F]} of sets of examples {@code [sets, n, exampleShape...]}. */
    Tensor features(Params params, Tensor sets, ForwardContext ctx) {
        long[] shape = sets.shape();
        long[] flat = new long[shape.length - 1];
        flat[0] = shape[0] * shape[1];
        System.arraycopy(shape, 2, flat, 1, shape.length - 2);
        Tensor h = layout.features(params, sets.reshape(flat), ctx);
        return h.reshape(shape[0], shape[1], h.shape()[1]);
    }

    /** {@code q(c | set)} from the mean encoder features of a set, any leading axes. */
    DiagonalGaussian context(Params params, Tensor meanFeatures) {
        return DiagonalGaussian.of(statistic.forward(head(params, STATISTIC), meanFeatures, ForwardContext.eval()));
    }

    /**
     * The conditional ELBO of one batch of class sets.
     *
     * @param sets       {@code [classes, n, exampleShape...]}, the examples of each class
     * @param k          the first {@code k} of each set are the context S
     * @param targetFrom the examples from this one on are the targets T (0: every example, as in training)
     * @param noise      the draws of c and z, or null to use the means (a deterministic approximation, not a bound)
     */
    Elbo elbo(Params params, Tensor sets, int k, int targetFrom, ForwardContext ctx, Noise noise) {
        long classes = sets.shape()[0];
        long n = sets.shape()[1];
        if (k < 1 || k > n || targetFrom < 0 || targetFrom >= n) {
            throw new IllegalArgumentException("statistician: context of " + k + " and targets from " + targetFrom
                    + " do not fit sets of " + n);
        }
        long targets = n - targetFrom;
        DataType type = sets.dataType();
        Tensor h = features(params, sets, ctx);
        DiagonalGaussian contextPrior = context(params, h.slice(1, 0, k).mean(false, 1));
        DiagonalGaussian contextPosterior = context(params, h.mean(false, 1));
        Tensor c = noise == null ? contextPosterior.mean()
                : contextPosterior.sample(noise.next(type, classes, contextSize));
        Tensor perTarget = c.reshape(classes, 1, contextSize).expand(classes, targets, contextSize);
        Tensor hTargets = h.slice(1, targetFrom, n);
        DiagonalGaussian latentPosterior = DiagonalGaussian.of(inference.forward(head(params, INFERENCE),
                Tensor.concat(2, List.of(hTargets, perTarget)), ForwardContext.eval()));
        Tensor z = noise == null ? latentPosterior.mean()
                : latentPosterior.sample(noise.next(type, classes, targets, latentSize));
        DiagonalGaussian latentPrior = DiagonalGaussian.of(prior.forward(head(params, PRIOR),
                c.reshape(classes, 1, contextSize), ForwardContext.eval()));
        Tensor logits = decode(params, z, perTarget);
        Tensor x = Tensor.constant(targets(sets.value().get(NDArrayIndex.all(), NDArrayIndex.interval(targetFrom, n))
                .reshape(classes, targets, pixels)));
        return new Elbo(Bernoulli.logLikelihood(logits, x).sum(), latentPosterior.kl(latentPrior).sum(),
                contextPosterior.kl(contextPrior).sum(), classes * targets * pixels);
    }

    /**
     * Scores of queries against classes, {@code [queries, classes]}: each query's conditional ELBO as the one target
     * of a class's support set, with every latent at its mean (a generative classifier).
     *
     * @param support features {@code [classes, K, F]} of each class's support examples
     * @param query   features {@code [queries, F]}
     * @param x       the queries {@code [queries, exampleShape...]}
     */
    Tensor scores(Params params, Tensor support, Tensor query, INDArray x) {
        long classes = support.shape()[0];
        long k = support.shape()[1];
        long features = support.shape()[2];
        long queries = query.shape()[0];
        Tensor sum = support.sum(false, 1);
        DiagonalGaussian contextPrior = context(params, sum.div(k));
        Tensor pooled = sum.reshape(1, classes, features).add(query.reshape(queries, 1, features)).div(k + 1.0);
        DiagonalGaussian contextPosterior = context(params, pooled);
        Tensor c = contextPosterior.mean();
        Tensor h = query.reshape(queries, 1, features).expand(queries, classes, features);
        DiagonalGaussian latentPosterior = DiagonalGaussian.of(inference.forward(head(params, INFERENCE),
                Tensor.concat(2, List.of(h, c)), ForwardContext.eval()));
        DiagonalGaussian latentPrior = DiagonalGaussian.of(prior.forward(head(params, PRIOR), c,
                ForwardContext.eval()));
        Tensor logits = decode(params, latentPosterior.mean(), c);
        Tensor target = Tensor.constant(targets(x.reshape(queries, 1, pixels)));
        return Bernoulli.logLikelihood(logits, target).sum(false, 2)
                .sub(latentPosterior.kl(latentPrior).sum(false, 2))
                .sub(contextPosterior.kl(contextPrior).sum(false, 2));
    }

    /**
     * New examples {@code [classes, count, exampleShape...]} of each class: for each, c drawn from
     * {@code q(c | support)}, z from {@code p(z | c)}, and every pixel's Bernoulli probability.
     *
     * @param support features {@code [classes, K, F]}
     */
    Tensor sample(Params params, Tensor support, int count, Noise noise) {
        long classes = support.shape()[0];
        DataType type = support.dataType();
        DiagonalGaussian contextPrior = context(params, support.mean(false, 1));
        Tensor c = contextPrior.mean().reshape(classes, 1, contextSize).add(contextPrior.std()
                .reshape(classes, 1, contextSize).mul(noise.next(type, classes, count, contextSize)));
        DiagonalGaussian latentPrior = DiagonalGaussian.of(prior.forward(head(params, PRIOR), c,
                ForwardContext.eval()));
        Tensor z = latentPrior.sample(noise.next(type, classes, count, latentSize));
        long[] shape = new long[exampleShape.length + 2];
        shape[0] = classes;
        shape[1] = count;
        System.arraycopy(exampleShape, 0, shape, 2, exampleShape.length);
        return decode(params, z, c).sigmoid().reshape(shape);
    }

    private Tensor decode(Params params, Tensor z, Tensor c) {
        return decoder.forward(head(params, DECODER), Tensor.concat(z.rank() - 1, List.of(z, c)),
                ForwardContext.eval());
    }

    /** What the likelihood sees of examples: binarized at {@code binarizeAt}, or the values themselves. */
    private INDArray targets(INDArray x) {
        return binarizeAt > 0 ? x.gt(binarizeAt).castTo(x.dataType()) : x;
    }

    private static Params head(Params params, String network) {
        return params.scope(BackboneHeadModel.HEAD).scope(network);
    }

    /**
     * The conditional ELBO of a batch, summed over classes and targets, and its parts.
     *
     * @param likelihood     {@code sum E log p(x | z, c)}
     * @param latentKl       {@code sum KL(q(z|x,c) || p(z|c))}
     * @param contextKl      {@code sum KL(q(c|S+T) || q(c|S))}
     * @param targetPixels   targets times pixels, the count the per-pixel values divide by
     */
    record Elbo(Tensor likelihood, Tensor latentKl, Tensor contextKl, long targetPixels) {
        /** The bound itself. */
        Tensor value() {
            return likelihood.sub(latentKl).sub(contextKl);
        }

        /** The bound per target pixel, in nats. */
        Tensor perPixel() {
            return value().div(targetPixels);
        }
    }
}

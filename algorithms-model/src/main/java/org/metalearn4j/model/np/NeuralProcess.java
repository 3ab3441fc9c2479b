package org.metalearn4j.model.np;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.metalearn4j.core.nn.ForwardContext;
import org.metalearn4j.core.nn.Init;
import org.metalearn4j.core.nn.Losses;
import org.metalearn4j.core.nn.Mlp;
import org.metalearn4j.core.nn.Module;
import org.metalearn4j.core.nn.MultiHeadAttention;
import org.metalearn4j.core.nn.Params;
import org.metalearn4j.core.nn.Sequential;
import org.metalearn4j.core.tensor.Tensor;
import org.metalearn4j.model.DeclaredParameters;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The network of a neural process and its training objective for one task (Garnelo et al. 2018; Kim et al. 2019).
 *
 * <ul>
 *   <li>Deterministic path: an MLP encodes each context pair {@code [x, y]} into {@code r_i} (optionally followed by
 *       multi-head self-attention over the context); {@link Aggregation#MEAN} gives every target the mean of the
 *       {@code r_i}, {@link Aggregation#MULTIHEAD} gives target {@code t} the cross-attention of its embedded
 *       {@code x_t} (query) over the embedded context inputs (keys) and the {@code r_i} (values).</li>
 *   <li>Latent path: another encoder, mean-aggregated, maps a set of pairs to a Gaussian over a global latent
 *       {@code z} with {@code std = 0.1 + 0.9 sigmoid(raw)}.</li>
 *   <li>Decoder: an MLP from {@code [x_t, r_t, z]} to a Gaussian over {@code y_t} with
 *       {@code std = minStd + (1 - minStd) softplus(raw)}.</li>
 * </ul>
 * Training maximises the mean log-likelihood of the targets; with the latent path, z is drawn from
 * {@code q(z | all points)} and the KL divergence to {@code q(z | context)}, divided by the number of targets, is
 * subtracted (the ELBO). Tasks are processed in batches {@code [B, points, width]}: tasks with the same number of
 * points share one forward pass even when their contexts differ in size, the context rows marked by a mask that the
 * aggregations (masked means, attention key masks) respect. Parameters are named by part: {@code detEncoder.*},
 * {@code detSelf.*}, {@code xEmbed.*}, {@code cross.*}, {@code latEncoder.*}, {@code latSelf.*}, {@code latHead.*},
 * {@code decoder.*} (those in use).
 */
public final class NeuralProcess {
    private final NeuralProcessConfig config;
    private final int xDim;
    private final int yDim;
    private final Map<String, Module> parts = new LinkedHashMap<>();

    /** The network for inputs of {@code xDim} and targets of {@code yDim} values per point. */
    public NeuralProcess(NeuralProcessConfig config, int xDim, int yDim) {
        this.config = config;
        this.xDim = xDim;
        this.yDim = yDim;
        int h = config.hidden();
        if (config.deterministicPath()) {
            parts.put("detEncoder", encoder(xDim + yDim));
            if (config.selfAttention()) {
                parts.put("detSelf", new MultiHeadAttention(h, config.heads()));
            }
            if (config.aggregation() == Aggregation.MULTIHEAD) {
                parts.put("xEmbed", Mlp.of(xDim, h, h));
                parts.put("cross", new MultiHeadAttention(h, config.heads()));
            }
        }
        if (config.latentPath()) {
            parts.put("latEncoder", encoder(xDim + yDim));
            if (config.selfAttention()) {
                parts.put("latSelf", new MultiHeadAttention(h, config.heads()));
            }
            parts.put("latHead", Mlp.of(h, h, 2 * config.latentSize()));
        }
        int decoderIn = xDim + (config.deterministicPath() ? h : 0) + (config.latentPath() ? config.latentSize() : 0);
        int[] sizes = new int[config.decoderLayers() + 2];
        sizes[0] = decoderIn;
        Arrays.fill(sizes, 1, sizes.length - 1, h);
        sizes[sizes.length - 1] = 2 * yDim;
        parts.put("decoder", Mlp.of(sizes));
    }

    private Sequential encoder(int in) {
        int[] sizes = new int[config.encoderLayers() + 1];
        sizes[0] = in;
        Arrays.fill(sizes, 1, sizes.length, config.hidden());
        return Mlp.of(sizes);
    }

    /** Fresh parameters, parameter {@code i} drawn from {@code Seeds.derive(seed, i)}. */
    public Params init(long seed, DataType type) {
        return DeclaredParameters.of(parts).init(seed, type);
    }

    public NeuralProcessConfig config() {
        return config;
    }

    public int xDim() {
        return xDim;
    }

    public int yDim() {
        return yDim;
    }

    /**
     * The context's deterministic representations {@code r_i [B, n, hidden]} of points {@code x [B, n, xDim]},
     * {@code y [B, n, yDim]} (self-attention among the context rows when configured), or null without the
     * deterministic path.
     *
     * @param context 1 on the context rows {@code [B, n]}, or null when every row is context
     */
    Tensor representations(Params p, Tensor x, Tensor y, Tensor context, ForwardContext ctx) {
        if (!config.deterministicPath()) {
            return null;
        }
        Tensor r = parts.get("detEncoder").forward(p.scope("detEncoder"), Tensor.concat(2, List.of(x, y)), ctx);
        return selfAttend(p, "detSelf", r, context, ctx);
    }

    /**
     * The deterministic path's {@code r_t [B, targets, hidden]} at target inputs {@code xt}, from the representations
     * of the points {@code xc} whose rows {@code context} marks (null: all), or null without the path.
     */
    Tensor aggregate(Params p, Tensor representations, Tensor xc, Tensor context, Tensor xt, ForwardContext ctx) {
        if (representations == null) {
            return null;
        }
        long b = xt.shape()[0];
        long targets = xt.shape()[1];
        if (config.aggregation() == Aggregation.MEAN) {
            return maskedMean(representations, context).expand(b, targets, config.hidden());
        }
        Module embed = parts.get("xEmbed");
        Tensor queries = embed.forward(p.scope("xEmbed"), xt, ctx);
        Tensor keys = embed.forward(p.scope("xEmbed"), xc, ctx);
        MultiHeadAttention cross = (MultiHeadAttention) parts.get("cross");
        return cross.attend(p.scope("cross"), queries, keys, representations, context, ctx);
    }

    /** {@code q(z | the rows of x, y that context marks)}, {@code [B, 1, latentSize]}, or null without the path. */
    Gaussian latent(Params p, Tensor x, Tensor y, Tensor context, ForwardContext ctx) {
        if (!config.latentPath()) {
            return null;
        }
        Tensor s = parts.get("latEncoder").forward(p.scope("latEncoder"), Tensor.concat(2, List.of(x, y)), ctx);
        return latentHead(p, selfAttend(p, "latSelf", s, context, ctx), context, ctx);
    }

    private Gaussian latentHead(Params p, Tensor encoded, Tensor context, ForwardContext ctx) {
        Tensor raw = parts.get("latHead").forward(p.scope("latHead"), maskedMean(encoded, context).relu(), ctx);
        int l = config.latentSize();
        return new Gaussian(raw.slice(2, 0, l), raw.slice(2, l, 2L * l).sigmoid().mul(0.9).add(0.1));
    }

    private Tensor selfAttend(Params p, String part, Tensor r, Tensor context, ForwardContext ctx) {
        if (!config.selfAttention()) {
            return r;
        }
        return ((MultiHeadAttention) parts.get(part)).attend(p.scope(part), r, r, r, context, ctx);
    }

    /** The mean over the rows {@code mask [B, n]} marks (all when null) of {@code t [B, n, d]}: {@code [B, 1, d]}. */
    private static Tensor maskedMean(Tensor t, Tensor mask) {
        if (mask == null) {
            return t.mean(true, 1);
        }
        long b = t.shape()[0];
        Tensor weights = mask.reshape(b, mask.shape()[1], 1);
        return t.mul(weights).sum(true, 1).div(mask.sum(true, 1).reshape(b, 1, 1));
    }

    /**
     * The predictive Gaussian {@code [B, targets, yDim]} at {@code xt} given the deterministic {@code rt} and the
     * latent {@code z [B, 1, latentSize]} (each null when its path is off).
     *
     * @throws IllegalStateException if a standard deviation is not positive (underflow or NaN)
     */
    Gaussian decode(Params p, Tensor xt, Tensor rt, Tensor z, ForwardContext ctx) {
        List<Tensor> in = new ArrayList<>(List.of(xt));
        if (rt != null) {
            in.add(rt);
        }
        if (z != null) {
            in.add(z.expand(xt.shape()[0], xt.shape()[1], config.latentSize()));
        }
        Tensor raw = parts.get("decoder").forward(p.scope("decoder"), Tensor.concat(2, in), ctx);
        double min = config.minStd();
        Tensor std = raw.slice(2, yDim, 2L * yDim).softplus().mul(1 - min).add(min);
        // minNumber skips NaN, so NaN is looked for separately
        boolean nan = std.value().isNaN().any();
        double smallest = std.value().minNumber().doubleValue();
        if (nan || !(smallest > 0)) {
            throw new IllegalStateException("neural process: the decoder's standard deviation is "
                    + (nan ? "NaN" : Double.toString(smallest)) + " (minStd " + min + "): it underflowed or the"
                    + " network diverged; raise minStd or lower the learning rate");
        }
        return new Gaussian(raw.slice(2, 0, yDim), std);
    }

    /**
     * The training terms of a batch of tasks with one number of points: the decoder predicts every point, the
     * targets' weights select the training targets, and the latent path compares {@code q(z | all points)} with
     * {@code q(z | context)}.
     *
     * @param noiseSeed seed of the latent samples' standard normal noise
     */
    Terms terms(Params p, PointBatch batch, long noiseSeed, ForwardContext ctx) {
        Tensor x = batch.x();
        Tensor y = batch.y();
        long b = x.shape()[0];
        Tensor rt = aggregate(p, representations(p, x, y, batch.context(), ctx), x, batch.context(), x, ctx);
        Tensor z = null;
        Tensor kl = null;
        if (config.latentPath()) {
            Tensor encoded = parts.get("latEncoder").forward(p.scope("latEncoder"), Tensor.concat(2, List.of(x, y)),
                    ctx);
            Gaussian prior = latentHead(p, selfAttend(p, "latSelf", encoded, batch.context(), ctx), batch.context(),
                    ctx);
            Gaussian posterior = latentHead(p, selfAttend(p, "latSelf", encoded, null, ctx), null, ctx);
            z = posterior.sample(Tensor.constant(new Init.Normal(1).create(new long[] {b, 1, config.latentSize()},
                    x.dataType(), noiseSeed)));
            kl = posterior.kl(prior).div(batch.counts());
        }
        Gaussian out = decode(p, x, rt, z, ctx);
        Tensor perPoint = Losses.gaussianLogDensity(out.mean(), out.std(), y).sum(false, 2).div(yDim);
        Tensor logLikelihood = perPoint.mul(batch.targets()).sum(false, 1).mean();
        Tensor loss = logLikelihood.neg();
        if (kl != null) {
            loss = loss.add(kl.mean());
        }
        double mse = out.mean().detach().sub(y).square().sum(false, 2).div(yDim).mul(batch.query()).sum(false, 1)
                .mean().item();
        return new Terms(loss, logLikelihood.item(), kl == null ? 0 : kl.mean().item(), mse);
    }

    /**
     * A batch's training terms, each the mean over its tasks.
     *
     * @param loss          the negative ELBO (or negative log-likelihood) per target point
     * @param logLikelihood mean target log-likelihood per point
     * @param kl            the KL term per target point (0 without the latent path)
     * @param queryMse      MSE of the predictive means on the query points
     */
    record Terms(Tensor loss, double logLikelihood, double kl, double queryMse) {
    }
}

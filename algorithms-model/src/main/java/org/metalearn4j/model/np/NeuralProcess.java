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
 * subtracted (the ELBO). Parameters are named by part: {@code detEncoder.*}, {@code detSelf.*}, {@code xEmbed.*},
 * {@code cross.*}, {@code latEncoder.*}, {@code latSelf.*}, {@code latHead.*}, {@code decoder.*} (those in use).
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

    /** Inputs {@code [n, xDim]} of a batch of examples of any shape. */
    Tensor inputs(Tensor x) {
        long n = x.shape()[0];
        if (x.length() != n * xDim) {
            throw new IllegalArgumentException("neural process: expected " + xDim + " input values per point, got"
                    + " shape " + Arrays.toString(x.shape()));
        }
        return x.reshape(n, xDim);
    }

    /** Targets {@code [n, yDim]}. */
    Tensor targets(Tensor y) {
        long n = y.shape()[0];
        if (y.length() != n * yDim) {
            throw new IllegalArgumentException("neural process: expected " + yDim + " target values per point, got"
                    + " shape " + Arrays.toString(y.shape()));
        }
        return y.reshape(n, yDim);
    }

    /**
     * The context's deterministic representations {@code r_i [n, hidden]} (after self-attention when configured), or
     * null without the deterministic path.
     */
    Tensor representations(Params p, Tensor x, Tensor y, ForwardContext ctx) {
        if (!config.deterministicPath()) {
            return null;
        }
        Tensor r = parts.get("detEncoder").forward(p.scope("detEncoder"), Tensor.concat(1, List.of(x, y)), ctx);
        return selfAttend(p, "detSelf", r, ctx);
    }

    /** The deterministic path's {@code r_t [targets, hidden]} for target inputs {@code xt}, or null without it. */
    Tensor aggregate(Params p, Tensor representations, Tensor xc, Tensor xt, ForwardContext ctx) {
        if (representations == null) {
            return null;
        }
        long targets = xt.shape()[0];
        long h = config.hidden();
        if (config.aggregation() == Aggregation.MEAN) {
            return representations.mean(true, 0).expand(targets, h);
        }
        Module embed = parts.get("xEmbed");
        Tensor queries = embed.forward(p.scope("xEmbed"), xt, ctx).reshape(1, targets, h);
        Tensor keys = embed.forward(p.scope("xEmbed"), xc, ctx).reshape(1, xc.shape()[0], h);
        Tensor values = representations.reshape(1, representations.shape()[0], h);
        MultiHeadAttention cross = (MultiHeadAttention) parts.get("cross");
        return cross.attend(p.scope("cross"), queries, keys, values, ctx).reshape(targets, h);
    }

    /** {@code q(z | x, y)}, or null without the latent path. */
    Gaussian latent(Params p, Tensor x, Tensor y, ForwardContext ctx) {
        if (!config.latentPath()) {
            return null;
        }
        Tensor s = parts.get("latEncoder").forward(p.scope("latEncoder"), Tensor.concat(1, List.of(x, y)), ctx);
        s = selfAttend(p, "latSelf", s, ctx).mean(true, 0);
        Tensor raw = parts.get("latHead").forward(p.scope("latHead"), s.relu(), ctx);
        int l = config.latentSize();
        return new Gaussian(raw.slice(1, 0, l), raw.slice(1, l, 2L * l).sigmoid().mul(0.9).add(0.1));
    }

    private Tensor selfAttend(Params p, String part, Tensor r, ForwardContext ctx) {
        if (!config.selfAttention()) {
            return r;
        }
        long n = r.shape()[0];
        long h = config.hidden();
        return parts.get(part).forward(p.scope(part), r.reshape(1, n, h), ctx).reshape(n, h);
    }

    /**
     * The predictive Gaussian {@code [targets, yDim]} at {@code xt} given the deterministic {@code rt} and the latent
     * {@code z [1, latentSize]} (each null when its path is off).
     *
     * @throws IllegalStateException if a standard deviation is not positive (underflow or NaN)
     */
    Gaussian decode(Params p, Tensor xt, Tensor rt, Tensor z, ForwardContext ctx) {
        List<Tensor> in = new ArrayList<>(List.of(xt));
        if (rt != null) {
            in.add(rt);
        }
        if (z != null) {
            in.add(z.expand(xt.shape()[0], config.latentSize()));
        }
        Tensor raw = parts.get("decoder").forward(p.scope("decoder"), Tensor.concat(1, in), ctx);
        double min = config.minStd();
        Tensor std = raw.slice(1, yDim, 2L * yDim).softplus().mul(1 - min).add(min);
        double smallest = std.value().minNumber().doubleValue();
        if (!(smallest > 0)) {
            throw new IllegalStateException("neural process: the decoder's standard deviation is " + smallest
                    + " (minStd " + min + "): it underflowed or is NaN; raise minStd or lower the learning rate");
        }
        return new Gaussian(raw.slice(1, 0, yDim), std);
    }

    /**
     * One task's training terms: targets are the query points, after the context points when
     * {@link NeuralProcessConfig#targetsIncludeContext()}.
     *
     * @param noiseSeed seed of the latent sample's standard normal noise
     */
    Terms terms(Params p, Tensor xc, Tensor yc, Tensor xq, Tensor yq, long noiseSeed, ForwardContext ctx) {
        Tensor all = Tensor.concat(0, List.of(xc, xq));
        Tensor allY = Tensor.concat(0, List.of(yc, yq));
        Tensor xt = config.targetsIncludeContext() ? all : xq;
        Tensor yt = config.targetsIncludeContext() ? allY : yq;
        Tensor rt = aggregate(p, representations(p, xc, yc, ctx), xc, xt, ctx);
        Tensor z = null;
        Tensor kl = null;
        if (config.latentPath()) {
            Gaussian prior = latent(p, xc, yc, ctx);
            Gaussian posterior = latent(p, all, allY, ctx);
            z = posterior.sample(Tensor.constant(new Init.Normal(1).create(new long[] {1, config.latentSize()},
                    xc.dataType(), noiseSeed)));
            kl = posterior.kl(prior);
        }
        Gaussian out = decode(p, xt, rt, z, ctx);
        Tensor logLikelihood = Losses.gaussianLogLikelihood(out.mean(), out.std(), yt);
        long offset = config.targetsIncludeContext() ? xc.shape()[0] : 0;
        Tensor queryMean = out.mean().slice(0, offset, offset + xq.shape()[0]);
        double mse = Losses.mse(queryMean.detach(), yq).item();
        Tensor loss = logLikelihood.neg();
        if (kl != null) {
            loss = loss.add(kl.div(xt.shape()[0]));
        }
        return new Terms(loss, logLikelihood.item(), kl == null ? 0 : kl.item(), mse);
    }

    /**
     * One task's training terms.
     *
     * @param loss          the negative ELBO (or negative log-likelihood) per target point
     * @param logLikelihood mean target log-likelihood
     * @param kl            the KL term before division (0 without the latent path)
     * @param queryMse      MSE of the predictive means on the query points
     */
    record Terms(Tensor loss, double logLikelihood, double kl, double queryMse) {
    }
}

package org.metalearn4j.core.nn;

import java.util.List;
import org.metalearn4j.core.tensor.Tensor;

/**
 * Scaled dot-product attention with {@code heads} heads over {@code [N, L, embed]} sequences. Parameters are four
 * {@link Linear} projections: {@code q_proj, k_proj, v_proj, out_proj} ({@code .weight}, {@code .bias}).
 */
public record MultiHeadAttention(int embed, int heads) implements Module {
    public MultiHeadAttention {
        if (embed < 1 || heads < 1 || embed % heads != 0) {
            throw new IllegalArgumentException("MultiHeadAttention: embed must be a positive multiple of heads, got"
                    + " embed=" + embed + ", heads=" + heads);
        }
    }

    private static final String[] PROJECTIONS = {"q_proj", "k_proj", "v_proj", "out_proj"};

    @Override
    public List<ParameterSpec> parameterSpecs() {
        Linear proj = new Linear(embed, embed);
        return java.util.Arrays.stream(PROJECTIONS)
                .flatMap(name -> proj.parameterSpecs().stream().map(s -> s.prefixed(name))).toList();
    }

    /** Self-attention: queries, keys and values are all {@code x}. */
    @Override
    public Tensor forward(Params params, Tensor x, ForwardContext ctx) {
        return attend(params, x, x, x, ctx);
    }

    /** Attention of {@code query [N, Lq, E]} over {@code key, value [N, Lk, E]}; returns {@code [N, Lq, E]}. */
    public Tensor attend(Params params, Tensor query, Tensor key, Tensor value, ForwardContext ctx) {
        return attend(params, query, key, value, null, ctx);
    }

    /**
     * As {@link #attend(Params, Tensor, Tensor, Tensor, ForwardContext)}, attending only to the keys where
     * {@code keyMask [N, Lk]} is 1 (0 elsewhere): a batch of sets of different sizes padded to one length, e.g. the
     * context points of neural-process tasks. Every row of the mask needs at least one 1; null attends to all keys.
     */
    public Tensor attend(Params params, Tensor query, Tensor key, Tensor value, Tensor keyMask, ForwardContext ctx) {
        if (query.rank() != 3 || key.rank() != 3 || value.rank() != 3
                || !java.util.Arrays.equals(key.shape(), value.shape()) || query.shape()[0] != key.shape()[0]) {
            throw new IllegalArgumentException("MultiHeadAttention: expected query [N, Lq, " + embed + "] and key, "
                    + "value [N, Lk, " + embed + "], got " + java.util.Arrays.toString(query.shape()) + ", "
                    + java.util.Arrays.toString(key.shape()) + ", " + java.util.Arrays.toString(value.shape()));
        }
        Linear proj = new Linear(embed, embed);
        long n = query.shape()[0];
        long lq = query.shape()[1];
        long d = embed / heads;
        Tensor q = split(proj.forward(params.scope("q_proj"), query, ctx), d);
        Tensor k = split(proj.forward(params.scope("k_proj"), key, ctx), d);
        Tensor v = split(proj.forward(params.scope("v_proj"), value, ctx), d);
        Tensor scores = q.matmul(k, false, true).mul(1.0 / Math.sqrt(d));
        if (keyMask != null) {
            long lk = key.shape()[1];
            if (!java.util.Arrays.equals(keyMask.shape(), new long[] {n, lk})) {
                throw new IllegalArgumentException("MultiHeadAttention: key mask must be [" + n + ", " + lk + "], got "
                        + java.util.Arrays.toString(keyMask.shape()));
            }
            // masked keys get a score of -1e9, whose softmax weight is exactly 0 in float32 and float64
            Tensor bias = keyMask.detach().rsub(1.0).mul(-1e9).reshape(n, 1, 1, lk);
            scores = scores.reshape(n, heads, lq, lk).add(bias).reshape(n * heads, lq, lk);
        }
        Tensor weights = scores.softmax(-1);
        Tensor merged = weights.matmul(v).reshape(n, heads, lq, d).permute(0, 2, 1, 3).reshape(n, lq, embed);
        return proj.forward(params.scope("out_proj"), merged, ctx);
    }

    /** {@code [N, L, E]} to {@code [N * heads, L, E / heads]}. */
    private Tensor split(Tensor x, long d) {
        long n = x.shape()[0];
        long l = x.shape()[1];
        return x.reshape(n, l, heads, d).permute(0, 2, 1, 3).reshape(n * heads, l, d);
    }
}

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
        Tensor weights = q.matmul(k, false, true).mul(1.0 / Math.sqrt(d)).softmax(-1);
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

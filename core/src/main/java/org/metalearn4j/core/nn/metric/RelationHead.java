package org.metalearn4j.core.nn.metric;

import org.metalearn4j.core.nn.ForwardContext;
import org.metalearn4j.core.nn.Mlp;
import org.metalearn4j.core.nn.Module;
import org.metalearn4j.core.nn.Params;
import org.metalearn4j.core.tensor.Tensor;

/**
 * Relation Networks (Sung et al. 2018): a learned relation module scores every (query, class prototype) pair from
 * their concatenated embeddings. The scores are trained as logits with cross-entropy rather than Sung et al.'s
 * sigmoid + MSE: the ranking is the same and cross-entropy does not saturate early in training.
 *
 * @param embedding width of the backbone's embeddings
 * @param hidden    hidden units of the relation module (a ReLU MLP {@code 2*embedding -> hidden -> 1})
 */
public record RelationHead(int embedding, int hidden) implements MetricHead {
    public RelationHead {
        if (embedding < 1 || hidden < 1) {
            throw new IllegalArgumentException("relation head: embedding and hidden must be >= 1, got " + embedding
                    + ", " + hidden);
        }
    }

    @Override
    public Module module() {
        return Mlp.of(2 * embedding, hidden, 1);
    }

    @Override
    public Tensor logits(Params params, Tensor support, SupportLabels labels, Tensor query) {
        Tensor prototypes = labels.classMeans(support);
        long q = query.shape()[0];
        long w = labels.ways();
        long d = query.shape()[1];
        Tensor pairs = Tensor.concat(2, java.util.List.of(query.reshape(q, 1, d).expand(q, w, d),
                prototypes.reshape(1, w, d).expand(q, w, d)));
        // the relation module has no batch norm or dropout, so the context is never read
        return module().forward(params, pairs, ForwardContext.eval()).reshape(q, w);
    }
}

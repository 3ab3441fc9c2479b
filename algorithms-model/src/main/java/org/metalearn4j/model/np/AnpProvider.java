package org.metalearn4j.model.np;

/**
 * {@code anp}: attentive neural process (Kim et al. 2019), the latent NP with self-attention in both encoders and
 * multi-head cross-attention from target inputs to context inputs in the deterministic path.
 */
public final class AnpProvider extends NeuralProcessProvider {
    public AnpProvider() {
        super("anp", "Attentive Neural Process: cross-attention from target x to context x, latent path (regression)",
                NeuralProcessConfig.of(true, Aggregation.MULTIHEAD, true));
    }
}

package org.metalearn4j.model.np;

/**
 * {@code np}: latent neural process as Kim et al. (2019) compare it, a deterministic path with mean aggregation plus a
 * Gaussian latent path trained with the ELBO.
 */
public final class NpProvider extends NeuralProcessProvider {
    public NpProvider() {
        super("np", "Neural Process: deterministic and Gaussian latent paths, ELBO training (regression)",
                NeuralProcessConfig.of(true, Aggregation.MEAN, false));
    }
}

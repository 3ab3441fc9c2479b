package org.metalearn4j.model.np;

/** {@code cnp}: conditional neural process (Garnelo et al. 2018), deterministic path with mean aggregation. */
public final class CnpProvider extends NeuralProcessProvider {
    public CnpProvider() {
        super("cnp", "Conditional Neural Process: mean-aggregated context encoding, Gaussian decoder (regression)",
                NeuralProcessConfig.of(false, Aggregation.MEAN, false));
    }
}

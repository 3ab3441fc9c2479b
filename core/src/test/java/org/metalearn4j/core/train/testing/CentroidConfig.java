package org.metalearn4j.core.train.testing;

import org.metalearn4j.core.config.Checks;

/**
 * Parameters of the nearest-centroid test learner.
 *
 * @param embedding    width of the learned linear embedding
 * @param learningRate SGD step size
 * @param momentum     heavy-ball momentum in [0, 1)
 */
public record CentroidConfig(int embedding, double learningRate, double momentum) {
    public CentroidConfig {
        Checks.atLeast("embedding", embedding, 1);
        Checks.positive("learningRate", learningRate);
        Checks.between("momentum", momentum, 0, 0.999);
    }
}

package org.metalearn4j.optimization.bayes;

import org.metalearn4j.core.nn.BackboneHeadModel;
import org.metalearn4j.core.nn.BackboneSpec;
import org.metalearn4j.core.nn.Linear;
import org.metalearn4j.core.nn.backbone.BackboneUse;

/** The networks the Bayesian tests build particles of. */
final class TestNetworks {
    private TestNetworks() {
    }

    /** A model SVGD never runs: its rule only reads the particles' names. */
    static BackboneHeadModel tiny() {
        return new BackboneHeadModel(new Linear(1, 1), new Linear(1, 1));
    }

    /** The learners' sinusoid network: an mlp backbone of one layer of {@code width} and a linear head. */
    static BackboneHeadModel sinusoid(int width) {
        return BackboneHeadModel.linearHead(BackboneSpec.mlp(width).build(new long[] {1}, BackboneUse.FEATURES), 1);
    }
}

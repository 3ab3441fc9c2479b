package org.metalearn4j.core.nn.backbone;

/** What a learner does with a backbone's features, which decides how the network may end. */
public enum BackboneUse {
    /** Features go into a trained head (a linear classifier or regressor): the network may end in a nonlinearity. */
    FEATURES,
    /**
     * Features are compared directly (distances, cosine similarity): a fully connected network ends in its last
     * linear layer, because a final ReLU would confine every embedding to the positive orthant and zero out part of it.
     */
    EMBEDDING
}

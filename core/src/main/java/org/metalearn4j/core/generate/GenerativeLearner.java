package org.metalearn4j.core.generate;

import org.metalearn4j.core.learner.Learner;

/** A learner that meta-learns to generate examples of a class from a few of them. */
public interface GenerativeLearner extends Learner {

    /** A generator with a snapshot of the current parameters: later training does not change it. */
    ExampleGenerator generator();
}

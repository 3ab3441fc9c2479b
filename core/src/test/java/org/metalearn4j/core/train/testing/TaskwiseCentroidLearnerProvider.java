package org.metalearn4j.core.train.testing;

import org.metalearn4j.core.learner.Learner;
import org.metalearn4j.core.learner.LearnerContext;

/** Test learner {@value #NAME}: {@link TaskwiseCentroidLearner}, the nearest-centroid learner split by task. */
public final class TaskwiseCentroidLearnerProvider extends CentroidLearnerProvider {
    public static final String NAME = "test-centroid-taskwise";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "test fixture: nearest centroid in a learned linear embedding, computed task by task";
    }

    @Override
    public Learner create(CentroidConfig config, LearnerContext context) {
        return new TaskwiseCentroidLearner(config, context);
    }
}

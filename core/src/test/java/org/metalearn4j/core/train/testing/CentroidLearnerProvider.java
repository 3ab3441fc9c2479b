package org.metalearn4j.core.train.testing;

import org.metalearn4j.core.learner.Learner;
import org.metalearn4j.core.learner.LearnerContext;
import org.metalearn4j.core.learner.LearnerProvider;

/** Test learner {@value #NAME}: nearest centroid in a meta-learned linear embedding, plain ND4J ops. */
public class CentroidLearnerProvider implements LearnerProvider<CentroidConfig> {
    public static final String NAME = "test-centroid";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "test fixture: nearest centroid in a learned linear embedding";
    }

    @Override
    public Class<CentroidConfig> configType() {
        return CentroidConfig.class;
    }

    @Override
    public CentroidConfig defaults() {
        return new CentroidConfig(4, 0.05, 0.9);
    }

    @Override
    public Learner create(CentroidConfig config, LearnerContext context) {
        return new CentroidLearner(config, context);
    }
}

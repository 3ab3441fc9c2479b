package org.metalearn4j.examples.plugin;

import org.metalearn4j.core.learner.Learner;
import org.metalearn4j.core.learner.LearnerContext;
import org.metalearn4j.core.learner.LearnerProvider;

/**
 * An example plugin: a learner shipped as its own JAR, found through
 * {@code META-INF/services/org.metalearn4j.core.learner.LearnerProvider} when the JAR is in the plugins directory.
 * It depends on metalearn4j-core only (provided by the application, never bundled).
 */
public final class NearestMeanLearnerProvider implements LearnerProvider<NearestMeanConfig> {
    @Override
    public String name() {
        return "nearest-mean";
    }

    @Override
    public String description() {
        return "example plugin: nearest class mean in input space with a meta-learned softmax temperature";
    }

    @Override
    public Class<NearestMeanConfig> configType() {
        return NearestMeanConfig.class;
    }

    @Override
    public NearestMeanConfig defaults() {
        return new NearestMeanConfig(0.05, 0.1);
    }

    @Override
    public Learner create(NearestMeanConfig config, LearnerContext context) {
        return new NearestMeanLearner(config);
    }
}

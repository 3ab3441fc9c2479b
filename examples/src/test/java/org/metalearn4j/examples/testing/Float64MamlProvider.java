package org.metalearn4j.examples.testing;

import org.metalearn4j.core.learner.Learner;
import org.metalearn4j.core.learner.LearnerContext;
import org.metalearn4j.core.learner.LearnerProvider;
import org.metalearn4j.core.nn.BackboneSpec;
import org.metalearn4j.optimization.GradientMetaLearner;
import org.metalearn4j.optimization.MamlConfig;
import org.metalearn4j.optimization.MetaOptimizerConfig;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Test learner {@value #NAME}: MAML in float64, so that runs computed in different processes can be compared bit for
 * bit. Registered for the examples' tests, whose worker processes share their class path.
 */
public final class Float64MamlProvider implements LearnerProvider<MamlConfig> {
    public static final String NAME = "test-maml-float64";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "test fixture: second-order MAML in float64";
    }

    @Override
    public Class<MamlConfig> configType() {
        return MamlConfig.class;
    }

    @Override
    public MamlConfig defaults() {
        return new MamlConfig(MamlConfig.Order.SECOND, 1, 0.01, 1, BackboneSpec.defaults(),
                MetaOptimizerConfig.defaults(), 0, 1);
    }

    @Override
    public Learner create(MamlConfig config, LearnerContext context) {
        return GradientMetaLearner.create(config, context, GradientMetaLearner.Variant.MAML, DataType.DOUBLE);
    }
}

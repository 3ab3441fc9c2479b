package org.metalearn4j.optimization.learned;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.metalearn4j.core.learner.Learner;
import org.metalearn4j.core.learner.LearnerContext;
import org.metalearn4j.core.learner.LearnerProvider;
import org.metalearn4j.core.nn.BackboneSpec;
import org.metalearn4j.optimization.MamlConfig;
import org.metalearn4j.optimization.MetaOptimizerConfig;
import org.nd4j.linalg.api.buffer.DataType;

/** {@code learned-optimizer}: meta-trains a coordinatewise LSTM optimizer; {@code learned-lstm} then uses it. */
public final class LearnedOptimizerProvider implements LearnerProvider<LearnedOptimizerConfig> {
    /** The learner's name, which a learned optimizer's checkpoint must carry. */
    public static final String NAME = "learned-optimizer";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "learned LSTM optimizer (Andrychowicz et al. 2016), meta-trained by truncated backpropagation through"
                + " unrolled optimization";
    }

    @Override
    public Class<LearnedOptimizerConfig> configType() {
        return LearnedOptimizerConfig.class;
    }

    /**
     * The paper's MNIST settings (as its reference code): two layers of 20 units, preprocessing k = 5, output scale
     * 0.01, 100 steps in truncations of 20, first order; a 20-unit sigmoid MLP optimizee on minibatches of 128; Adam
     * 1e-3.
     */
    @Override
    public LearnedOptimizerConfig defaults() {
        return new LearnedOptimizerConfig(2, 20, 5.0, 0.01, List.of(""), 100, 20,
                LearnedOptimizerConfig.Objective.MEAN, MamlConfig.Order.FIRST,
                sigmoidMlp(20), true, 128, 100, MetaOptimizerConfig.defaults(), 0);
    }

    private static BackboneSpec sigmoidMlp(int width) {
        ObjectNode params = JsonNodeFactory.instance.objectNode().put("activation", "sigmoid");
        params.putArray("hidden").add(width);
        return new BackboneSpec(BackboneSpec.MLP, params);
    }

    @Override
    public Learner create(LearnedOptimizerConfig config, LearnerContext context) {
        return LearnedOptimizerLearner.create(config, context, DataType.FLOAT);
    }
}

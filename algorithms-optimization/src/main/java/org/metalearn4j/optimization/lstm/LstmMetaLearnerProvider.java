package org.metalearn4j.optimization.lstm;

import org.metalearn4j.core.learner.Learner;
import org.metalearn4j.core.learner.LearnerContext;
import org.metalearn4j.core.learner.LearnerProvider;
import org.metalearn4j.core.nn.BackboneSpec;
import org.metalearn4j.optimization.MamlConfig;
import org.metalearn4j.optimization.MetaOptimizerConfig;
import org.nd4j.linalg.api.buffer.DataType;

/** {@code lstm-meta-learner}: Ravi and Larochelle's LSTM meta-learner, which learns the update and the start. */
public final class LstmMetaLearnerProvider implements LearnerProvider<LstmMetaLearnerConfig> {
    @Override
    public String name() {
        return "lstm-meta-learner";
    }

    @Override
    public String description() {
        return "LSTM meta-learner (Ravi and Larochelle 2017): the learner's parameters are an LSTM's cell state";
    }

    @Override
    public Class<LstmMetaLearnerConfig> configType() {
        return LstmMetaLearnerConfig.class;
    }

    /** The paper's settings for 5-shot: 5 updates, 20 units, p = 10, Adam 1e-3, clipping at 0.25. */
    @Override
    public LstmMetaLearnerConfig defaults() {
        return new LstmMetaLearnerConfig(MamlConfig.Order.FIRST, 5, 5, 20, 10.0, BackboneSpec.defaults(),
                MetaOptimizerConfig.defaults(), 0.25, 1);
    }

    @Override
    public Learner create(LstmMetaLearnerConfig config, LearnerContext context) {
        return LstmMetaLearner.create(config, context, DataType.FLOAT);
    }
}

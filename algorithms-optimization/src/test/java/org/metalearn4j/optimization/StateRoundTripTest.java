package org.metalearn4j.optimization;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.List;
import java.util.function.LongFunction;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.metalearn4j.core.learner.Learner;
import org.metalearn4j.core.nn.BackboneSpec;
import org.metalearn4j.core.state.StateDict;
import org.metalearn4j.optimization.bayes.BayesianMamlConfig;
import org.metalearn4j.optimization.bayes.BayesianMamlLearner;
import org.metalearn4j.optimization.conditioned.EncoderConfig;
import org.metalearn4j.optimization.conditioned.TaskConditionedConfig;
import org.metalearn4j.optimization.conditioned.TaskConditionedLearner;
import org.metalearn4j.optimization.learned.LearnedOptimizerConfig;
import org.metalearn4j.optimization.learned.LearnedOptimizerLearner;
import org.metalearn4j.optimization.lstm.LstmMetaLearner;
import org.metalearn4j.optimization.lstm.LstmMetaLearnerConfig;
import org.nd4j.linalg.api.buffer.DataType;

/** A learner restored from a saved state takes exactly the same next step as the one that saved it. */
class StateRoundTripTest {
    private static final MamlConfig MAML = new MamlConfig(MamlConfig.Order.SECOND, 1, 0.05, 1,
            BackboneSpec.mlp(8, 8), MetaOptimizerConfig.defaults(), 1.0, 1);

    static Stream<Arguments> learners() {
        LongFunction<Learner> metaSgd = seed -> GradientMetaLearner.create(MAML, SinusoidTasks.context(seed),
                GradientMetaLearner.Variant.META_SGD, DataType.FLOAT);
        LongFunction<Learner> reptile = seed -> ReptileLearner.create(new ReptileConfig(2, 0.05, 0.5, false, 2,
                BackboneSpec.mlp(8, 8), 1), SinusoidTasks.context(seed), DataType.FLOAT);
        LongFunction<Learner> lstm = seed -> LstmMetaLearner.create(new LstmMetaLearnerConfig(MamlConfig.Order.FIRST,
                2, 2, 3, 10.0, BackboneSpec.mlp(4), MetaOptimizerConfig.defaults(), 0.25, 1),
                SinusoidTasks.context(seed), DataType.FLOAT);
        LongFunction<Learner> learned = seed -> LearnedOptimizerLearner.create(new LearnedOptimizerConfig(2, 4, 5.0,
                0.01, List.of(""), 6, 4, MamlConfig.Order.FIRST, BackboneSpec.mlp(4), true, 3, 4,
                MetaOptimizerConfig.defaults(), 0), SinusoidTasks.context(seed), DataType.FLOAT);
        LongFunction<Learner> conditioned = seed -> TaskConditionedLearner.create(new TaskConditionedConfig(
                MamlConfig.Order.SECOND, 2, 0.05, 2, true, new EncoderConfig(List.of(5), 3), BackboneSpec.mlp(4),
                MetaOptimizerConfig.defaults(), 0, 1), SinusoidTasks.context(seed), DataType.FLOAT);
        LongFunction<Learner> bmaml = seed -> BayesianMamlLearner.create(new BayesianMamlConfig(3,
                MamlConfig.Order.SECOND, 1, 0.1, 1, BayesianMamlConfig.MetaLoss.CHASER, 1, 0, 1.0,
                BackboneSpec.mlp(4), MetaOptimizerConfig.defaults(), 0, 1), SinusoidTasks.context(seed),
                BayesianMamlLearner.Variant.BMAML, DataType.FLOAT);
        LongFunction<Learner> ensemble = seed -> BayesianMamlLearner.create(new BayesianMamlConfig(2,
                MamlConfig.Order.FIRST, 1, 0.1, 1, BayesianMamlConfig.MetaLoss.QUERY, 1, 0, 1.0, BackboneSpec.mlp(4),
                MetaOptimizerConfig.defaults(), 0, 1), SinusoidTasks.context(seed),
                BayesianMamlLearner.Variant.ENSEMBLE, DataType.FLOAT);
        return Stream.of(Arguments.of("metasgd", metaSgd), Arguments.of("reptile", reptile),
                Arguments.of("lstm-meta-learner", lstm), Arguments.of("learned-optimizer", learned),
                Arguments.of("task-conditioned", conditioned), Arguments.of("bmaml", bmaml),
                Arguments.of("ensemble-maml", ensemble));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("learners")
    void saveLoadGivesABitwiseIdenticalNextStep(String name, LongFunction<Learner> factory) throws IOException {
        Learner original = factory.apply(1);
        for (int i = 0; i < 3; i++) {
            original.step(SinusoidTasks.batch(9, i, 3, 5, 5));
        }
        byte[] saved = AdapterTest.bytes(original.state());
        Learner restored = factory.apply(2);
        restored.load(StateDict.read(new DataInputStream(new ByteArrayInputStream(saved))));
        assertThat(AdapterTest.bytes(restored.state())).isEqualTo(saved);

        var next = SinusoidTasks.batch(9, 3, 3, 5, 5);
        assertThat(restored.step(next)).isEqualTo(original.step(next));
        assertThat(AdapterTest.bytes(restored.state())).isEqualTo(AdapterTest.bytes(original.state()));
    }
}

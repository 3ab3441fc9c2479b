package org.metalearn4j.optimization;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.function.LongFunction;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.metalearn4j.core.learner.Learner;
import org.metalearn4j.core.nn.BackboneSpec;
import org.metalearn4j.core.state.StateDict;
import org.nd4j.linalg.api.buffer.DataType;

/** A learner restored from a saved state takes exactly the same next step as the one that saved it. */
class StateRoundTripTest {
    static Stream<Arguments> learners() {
        LongFunction<Learner> reptile = seed -> ReptileLearner.create(new ReptileConfig(2, 0.05, 0.5, false, 2,
                BackboneSpec.mlp(8, 8), 1), SinusoidTasks.context(seed), DataType.FLOAT);
        return Stream.concat(MetaOptimizedLearner.all().stream()
                        .map(l -> Arguments.of(l.name(), l.with(MetaOptimizerConfig.defaults()))),
                Stream.of(Arguments.of("reptile", reptile)));
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

package org.metalearn4j.optimization;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.metalearn4j.core.learner.TaskResult;
import org.metalearn4j.core.learner.TaskwiseLearner;
import org.metalearn4j.core.nn.BackboneSpec;
import org.metalearn4j.core.state.StateDict;
import org.metalearn4j.core.task.Task;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * What a worker process receives once per meta-iteration: a fresh learner that loaded another's
 * {@code computeState()} (parameters and step count, not the optimizer's moments) computes every task exactly as that
 * learner does.
 */
class ComputeStateTest {

    private static TaskwiseLearner create(String kind) {
        return switch (kind) {
            case "maml" -> GradientMetaLearner.create(new MamlConfig(MamlConfig.Order.SECOND, 2, 0.05, 1,
                    BackboneSpec.mlp(6, 6), MetaOptimizerConfig.defaults(), 0, 1), SinusoidTasks.context(4),
                    GradientMetaLearner.Variant.META_SGD, DataType.DOUBLE);
            case "reptile" -> (TaskwiseLearner) ReptileLearner.create(new ReptileConfig(3, 0.02, 0.5, true, 1,
                    BackboneSpec.mlp(6), 1), SinusoidTasks.context(4), DataType.DOUBLE);
            default -> throw new IllegalArgumentException(kind);
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"maml", "reptile"})
    void aFreshLearnerWithAnothersComputeStateComputesItsTasksBitwise(String kind) throws IOException {
        TaskwiseLearner trained = create(kind);
        for (int it = 0; it < 2; it++) {
            trained.step(SinusoidTasks.batch(5, it, 3, 5, 5));
        }
        StateDict sent = trained.computeState();
        assertThat(sent.names()).noneMatch(n -> n.startsWith("optim."));
        TaskwiseLearner worker = create(kind);
        worker.loadComputeState(roundTrip(sent));

        List<Task> next = SinusoidTasks.batch(5, 7, 3, 5, 5);
        for (int i = 0; i < next.size(); i++) {
            TaskResult expected = trained.computeTask(next.get(i), i);
            TaskResult actual = worker.computeTask(next.get(i), i);
            assertThat(bytes(actual.tensors())).isEqualTo(bytes(expected.tensors()));
            assertThat(actual.loss()).isEqualTo(expected.loss());
        }
    }

    private static StateDict roundTrip(StateDict state) throws IOException {
        return StateDict.read(new DataInputStream(new ByteArrayInputStream(bytes(state))));
    }

    private static byte[] bytes(StateDict state) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        state.write(new DataOutputStream(out));
        return out.toByteArray();
    }
}

package org.metalearn4j.metric;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.metalearn4j.core.learner.Adapter;
import org.metalearn4j.core.learner.LearnerContext;
import org.metalearn4j.core.learner.StepMetrics;
import org.metalearn4j.core.nn.BackboneSpec;
import org.metalearn4j.core.nn.metric.Distance;
import org.metalearn4j.core.optim.LrSchedule;
import org.metalearn4j.core.optim.OptimizerConfig;
import org.metalearn4j.core.state.StateDict;
import org.metalearn4j.core.task.Task;
import org.metalearn4j.core.task.TaskSource;
import org.metalearn4j.core.task.TaskType;
import org.metalearn4j.metric.providers.ProtoNetConfig;
import org.metalearn4j.metric.providers.ProtoNetProvider;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Exact resume, adapter isolation and backbone hand-over, on a small Conv4 (batch norm statistics included) with a
 * cosine schedule that changes the learning rate at every step.
 */
class LearnerStateTest {
    private static final TaskSource GLYPHS = SyntheticEpisodes.glyphs(3, 1, 2, 0.1, DataType.FLOAT);
    private static final ProtoNetConfig CONFIG = new ProtoNetConfig(BackboneSpec.conv4(4),
            Distance.SQUARED_EUCLIDEAN, 10,
            new OptimizerConfig(1e-2, 1e-4, new LrSchedule(LrSchedule.Kind.COSINE, 5, 1, 0.1)));

    @Test
    void savedAndReloadedLearnerTakesAnIdenticalNextStep() throws IOException {
        MetricLearner original = create(Optional.empty());
        for (int i = 0; i < 3; i++) {
            original.step(List.of(GLYPHS.sample(i)));
        }
        MetricLearner resumed = create(Optional.empty());
        resumed.load(roundTrip(original.state()));

        Task next = GLYPHS.sample(3);
        StepMetrics a = original.step(List.of(next));
        StepMetrics b = resumed.step(List.of(next));

        assertThat(b.loss()).isEqualTo(a.loss());
        assertThat(b.extras()).isEqualTo(a.extras());
        assertThat(bytes(resumed.state())).isEqualTo(bytes(original.state()));
        assertThat(resumed.steps()).isEqualTo(4);
    }

    @Test
    void adapterNeverChangesTheLearnerAndIsUnaffectedByLaterTraining() throws IOException {
        MetricLearner learner = create(Optional.empty());
        learner.step(List.of(GLYPHS.sample(0)));
        byte[] before = bytes(learner.state());
        Task first = GLYPHS.sample(10);
        Task second = GLYPHS.sample(11);

        Adapter adapter = learner.adapter();
        INDArray secondAlone = predict(adapter, second);
        predict(adapter, first);
        INDArray secondAfterFirst = predict(adapter, second);

        assertThat(secondAfterFirst).isEqualTo(secondAlone);
        assertThat(bytes(learner.state())).isEqualTo(before);

        MetricLearner reloaded = create(Optional.empty());
        reloaded.load(roundTrip(learner.state()));
        assertThat(predict(reloaded.adapter(), second)).isEqualTo(secondAlone);

        learner.step(List.of(GLYPHS.sample(1)));
        assertThat(predict(adapter, second)).isEqualTo(secondAlone);
        assertThat(predict(learner.adapter(), second)).isNotEqualTo(secondAlone);
    }

    @Test
    void initialBackboneIsHonoured() {
        MetricLearner trained = create(Optional.empty());
        trained.step(List.of(GLYPHS.sample(0)));
        trained.step(List.of(GLYPHS.sample(1)));

        MetricLearner fromBackbone = create(Optional.of(trained.backbone()));
        Task task = GLYPHS.sample(20);

        assertThat(trained.backbone().names()).contains("0.conv.weight", "3.bn.running_var");
        assertThat(predict(fromBackbone.adapter(), task)).isEqualTo(predict(trained.adapter(), task));
        assertThat(predict(create(Optional.empty()).adapter(), task)).isNotEqualTo(predict(trained.adapter(), task));
    }

    private static MetricLearner create(Optional<StateDict> backbone) {
        return (MetricLearner) new ProtoNetProvider().create(CONFIG, new LearnerContext(new long[] {1, 16, 16},
                TaskType.CLASSIFICATION, 3, 3, 9, backbone));
    }

    private static INDArray predict(Adapter adapter, Task task) {
        return adapter.adapt(task.support(), task.type(), task.ways()).predict(task.query().x());
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

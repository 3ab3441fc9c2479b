package org.metalearn4j.optimization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.metalearn4j.core.learner.LearnerContext;
import org.metalearn4j.core.learner.StepMetrics;
import org.metalearn4j.core.nn.BackboneSpec;
import org.metalearn4j.core.state.StateDict;
import org.metalearn4j.core.task.Examples;
import org.metalearn4j.core.task.Task;
import org.metalearn4j.core.task.TaskType;
import org.metalearn4j.core.tensor.ShapeException;
import org.metalearn4j.core.testing.GradCheck;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Computing a meta-batch's tasks on several threads changes speed, not the update: after two meta-steps the weights,
 * optimizer state, loss and metric match the one-thread learner's, for an MLP and for Conv4 with per-task batch norm.
 */
class TaskThreadsTest {
    private static MamlConfig config(String backbone, int taskThreads) {
        BackboneSpec spec = backbone.equals("mlp") ? BackboneSpec.mlp(8, 8)
                : BackboneSpec.conv4(4);
        return new MamlConfig(MamlConfig.Order.SECOND, 1, 0.1, 1, spec, MetaOptimizerConfig.defaults(), 0,
                taskThreads);
    }

    private static List<List<Task>> imageBatches() {
        List<List<Task>> batches = new ArrayList<>();
        Nd4j.getRandom().setSeed(11);
        for (int b = 0; b < 2; b++) {
            List<Task> batch = new ArrayList<>();
            for (int t = 0; t < 5; t++) {
                Examples support = new Examples(Nd4j.rand(DataType.DOUBLE, 3, 1, 16, 16),
                        Nd4j.createFromArray(0, 1, 2));
                Examples query = new Examples(Nd4j.rand(DataType.DOUBLE, 6, 1, 16, 16),
                        Nd4j.createFromArray(0, 1, 2, 2, 1, 0));
                batch.add(new Task(support, query, TaskType.CLASSIFICATION, 3, 1, "random-images"));
            }
            batches.add(batch);
        }
        return batches;
    }

    private static StateDict train(GradientMetaLearner learner, List<List<Task>> batches, List<StepMetrics> metrics) {
        for (List<Task> batch : batches) {
            metrics.add(learner.step(batch));
        }
        return learner.state();
    }

    private static void assertSameTraining(String backbone, GradientMetaLearner.Variant variant,
                                           LearnerContext context, List<List<Task>> batches) {
        List<StepMetrics> serialMetrics = new ArrayList<>();
        List<StepMetrics> parallelMetrics = new ArrayList<>();
        StateDict serial = train(GradientMetaLearner.create(config(backbone, 1), context, variant, DataType.DOUBLE),
                batches, serialMetrics);
        StateDict parallel = train(GradientMetaLearner.create(config(backbone, 3), context, variant, DataType.DOUBLE),
                batches, parallelMetrics);
        assertThat(parallel.names()).isEqualTo(serial.names());
        for (String n : serial.names()) {
            INDArray a = serial.get(n);
            if (a.dataType().isFPType()) {
                assertThat(GradCheck.maxRelativeError(parallel.get(n), a)).as(n).isLessThan(1e-12);
            } else {
                assertThat(parallel.get(n)).as(n).isEqualTo(a);
            }
        }
        for (int i = 0; i < serialMetrics.size(); i++) {
            assertThat(parallelMetrics.get(i).loss()).isCloseTo(serialMetrics.get(i).loss(),
                    Offset.offset(1e-12));
            assertThat(parallelMetrics.get(i).metric()).isEqualTo(serialMetrics.get(i).metric());
        }
    }

    @ParameterizedTest
    @EnumSource(GradientMetaLearner.Variant.class)
    void sinusoidMetaStepsMatchTheOneThreadLearner(GradientMetaLearner.Variant variant) {
        List<List<Task>> batches = List.of(SinusoidTasks.batch(5, 0, 7, 5, 9), SinusoidTasks.batch(5, 1, 7, 5, 9));
        assertSameTraining("mlp", variant, SinusoidTasks.context(3), batches);
    }

    @Test
    void conv4WithPerTaskBatchNormMatchesTheOneThreadLearner() {
        LearnerContext images = new LearnerContext(new long[] {1, 16, 16}, TaskType.CLASSIFICATION, 3, 3, 1,
                Optional.empty());
        assertSameTraining("conv4", GradientMetaLearner.Variant.MAML, images, imageBatches());
    }

    @Test
    void aBadTaskOnAWorkerFailsTheStepWithItsOwnMessage() {
        LearnerContext images = new LearnerContext(new long[] {1, 16, 16}, TaskType.CLASSIFICATION, 3, 3, 1,
                Optional.empty());
        GradientMetaLearner learner = GradientMetaLearner.create(config("conv4", 2), images,
                GradientMetaLearner.Variant.MAML, DataType.DOUBLE);
        List<Task> batch = new ArrayList<>(imageBatches().get(0));
        Examples wrongSize = new Examples(Nd4j.rand(DataType.DOUBLE, 3, 1, 12, 12), Nd4j.createFromArray(0, 1, 2));
        batch.set(3, new Task(wrongSize, batch.get(3).query(), TaskType.CLASSIFICATION, 3, 1, "random-images"));
        StateDict before = learner.state();
        assertThatThrownBy(() -> learner.step(batch)).isInstanceOf(ShapeException.class)
                .hasMessageContaining("Conv4").hasMessageContaining("[3, 1, 12, 12]");
        StateDict after = learner.state();
        for (String n : before.names()) {
            assertThat(after.get(n)).as("a failed step must not change " + n).isEqualTo(before.get(n));
        }
    }
}

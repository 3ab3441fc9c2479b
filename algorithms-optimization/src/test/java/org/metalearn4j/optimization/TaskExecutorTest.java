package org.metalearn4j.optimization;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.metalearn4j.core.exec.LocalTaskExecutor;
import org.metalearn4j.core.exec.ScheduledTask;
import org.metalearn4j.core.exec.TaskExecutor;
import org.metalearn4j.core.learner.StepMetrics;
import org.metalearn4j.core.learner.TaskResult;
import org.metalearn4j.core.learner.TaskwiseLearner;
import org.metalearn4j.core.nn.BackboneSpec;
import org.metalearn4j.core.state.StateDict;
import org.metalearn4j.core.task.Task;
import org.metalearn4j.optimization.bayes.BayesianMamlConfig;
import org.metalearn4j.optimization.bayes.BayesianMamlLearner;
import org.metalearn4j.optimization.conditioned.EncoderConfig;
import org.metalearn4j.optimization.conditioned.TaskConditionedConfig;
import org.metalearn4j.optimization.conditioned.TaskConditionedLearner;
import org.metalearn4j.optimization.lstm.LstmMetaLearner;
import org.metalearn4j.optimization.lstm.LstmMetaLearnerConfig;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The per-task seam: an executor that computes the tasks of a meta-batch in another order (as workers finishing at
 * different times would) still gets the update of a plain in-order step, bitwise, because results are applied in
 * task order; and it sees every task exactly once with its position and seed.
 */
class TaskExecutorTest {

    /** Computes the tasks last to first, recording the order, and returns the results in task order. */
    private static final class ReversingExecutor implements TaskExecutor {
        final List<Integer> computed = new ArrayList<>();

        @Override
        public List<TaskResult> computeAll(TaskwiseLearner learner, List<ScheduledTask> tasks) {
            TaskResult[] results = new TaskResult[tasks.size()];
            for (int i = tasks.size() - 1; i >= 0; i--) {
                ScheduledTask t = tasks.get(i);
                computed.add(t.index());
                results[i] = learner.computeTask(t.task(), t.index());
            }
            return List.of(results);
        }
    }

    private static MamlConfig config(int taskThreads) {
        return new MamlConfig(MamlConfig.Order.SECOND, 2, 0.05, 1, BackboneSpec.mlp(6, 6),
                MetaOptimizerConfig.defaults(), 0, taskThreads);
    }

    private static byte[] bytes(StateDict state) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        state.write(new DataOutputStream(out));
        return out.toByteArray();
    }

    @ParameterizedTest
    @EnumSource(GradientMetaLearner.Variant.class)
    void anyExecutorGivesTheUpdateOfAPlainStepBitwise(GradientMetaLearner.Variant variant) throws IOException {
        GradientMetaLearner plain = GradientMetaLearner.create(config(1), SinusoidTasks.context(4), variant,
                DataType.FLOAT);
        GradientMetaLearner reversed = GradientMetaLearner.create(config(1), SinusoidTasks.context(4), variant,
                DataType.FLOAT);
        GradientMetaLearner threaded = GradientMetaLearner.create(config(2), SinusoidTasks.context(4), variant,
                DataType.FLOAT);
        ReversingExecutor reversing = new ReversingExecutor();
        for (int it = 0; it < 3; it++) {
            List<Task> batch = SinusoidTasks.batch(9, it, 5, 5, 7);
            StepMetrics a = plain.step(batch);
            StepMetrics b = reversing.step(reversed, ScheduledTask.unseeded(batch));
            StepMetrics c = new LocalTaskExecutor(2).step(threaded, ScheduledTask.unseeded(batch));
            assertThat(b).isEqualTo(a);
            assertThat(c.loss()).isEqualTo(a.loss());
        }
        assertThat(bytes(reversed.state())).isEqualTo(bytes(plain.state()));
        assertThat(bytes(threaded.state())).isEqualTo(bytes(plain.state()));
        List<Integer> expected = new ArrayList<>();
        for (int it = 0; it < 3; it++) {
            for (int i = 4; i >= 0; i--) {
                expected.add(i);
            }
        }
        assertThat(reversing.computed).isEqualTo(expected);
    }

    @Test
    void batchedReptileGoesThroughTheSameSeam() throws IOException {
        ReptileConfig config = new ReptileConfig(3, 0.02, 0.5, true, 1, BackboneSpec.mlp(6), 1);
        ReptileLearner plain = ReptileLearner.create(config, SinusoidTasks.context(2), DataType.DOUBLE);
        ReptileLearner reversed = ReptileLearner.create(config, SinusoidTasks.context(2), DataType.DOUBLE);
        assertThat(reversed).isInstanceOf(TaskwiseLearner.class);
        ReversingExecutor reversing = new ReversingExecutor();
        for (int it = 0; it < 2; it++) {
            List<Task> batch = SinusoidTasks.batch(3, it, 4, 5, 5);
            assertThat(reversing.step((TaskwiseLearner) reversed, ScheduledTask.unseeded(batch)))
                    .isEqualTo(plain.step(batch));
        }
        assertThat(bytes(reversed.state())).isEqualTo(bytes(plain.state()));
        assertThat(reversing.computed).containsExactly(3, 2, 1, 0, 3, 2, 1, 0);
    }

    @Test
    void serialReptileStepsItselfBecauseEachTaskStartsWhereTheLastOneMoved() {
        ReptileConfig serial = new ReptileConfig(3, 0.02, 0.5, false, 1, BackboneSpec.mlp(6), 1);
        assertThat(ReptileLearner.create(serial, SinusoidTasks.context(2), DataType.DOUBLE))
                .isNotInstanceOf(TaskwiseLearner.class);
    }

    static Stream<Arguments> learnersOfIssue19() {
        IntFunction<TaskwiseLearner> lstm = threads -> LstmMetaLearner.create(new LstmMetaLearnerConfig(
                MamlConfig.Order.FIRST, 2, 2, 3, 10.0, BackboneSpec.mlp(4), MetaOptimizerConfig.defaults(), 0.25,
                threads), SinusoidTasks.context(4), DataType.FLOAT);
        IntFunction<TaskwiseLearner> conditioned = threads -> TaskConditionedLearner.create(new TaskConditionedConfig(
                MamlConfig.Order.SECOND, 2, 0.05, 2, true, new EncoderConfig(List.of(5), 3), BackboneSpec.mlp(4),
                MetaOptimizerConfig.defaults(), 0, threads), SinusoidTasks.context(4), DataType.FLOAT);
        IntFunction<TaskwiseLearner> bmaml = threads -> BayesianMamlLearner.create(new BayesianMamlConfig(3,
                MamlConfig.Order.SECOND, 1, 0.1, 1, BayesianMamlConfig.MetaLoss.CHASER, 1, 0, 1.0,
                BackboneSpec.mlp(4), MetaOptimizerConfig.defaults(), 0, threads), SinusoidTasks.context(4),
                BayesianMamlLearner.Variant.BMAML, DataType.FLOAT);
        return Stream.of(Arguments.of("lstm-meta-learner", lstm), Arguments.of("task-conditioned", conditioned),
                Arguments.of("bmaml", bmaml));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("learnersOfIssue19")
    void learnedOptimizersAndParticlesGoThroughTheSameSeam(String name, IntFunction<TaskwiseLearner> factory)
            throws IOException {
        TaskwiseLearner plain = factory.apply(1);
        TaskwiseLearner reversed = factory.apply(1);
        TaskwiseLearner threaded = factory.apply(2);
        ReversingExecutor reversing = new ReversingExecutor();
        for (int it = 0; it < 2; it++) {
            List<Task> batch = SinusoidTasks.batch(5, it, 3, 5, 5);
            StepMetrics a = plain.step(batch);
            assertThat(reversing.step(reversed, ScheduledTask.unseeded(batch))).isEqualTo(a);
            assertThat(new LocalTaskExecutor(2).step(threaded, ScheduledTask.unseeded(batch)).loss())
                    .isEqualTo(a.loss());
        }
        assertThat(bytes(reversed.state())).isEqualTo(bytes(plain.state()));
        assertThat(bytes(threaded.state())).isEqualTo(bytes(plain.state()));
        assertThat(reversing.computed).containsExactly(2, 1, 0, 2, 1, 0);
    }
}

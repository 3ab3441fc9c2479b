package org.metalearn4j.metric;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.metalearn4j.core.backend.StepArena;
import org.metalearn4j.core.exec.LocalTaskExecutor;
import org.metalearn4j.core.exec.ScheduledTask;
import org.metalearn4j.core.exec.TaskExecutor;
import org.metalearn4j.core.learner.LearnerContext;
import org.metalearn4j.core.learner.StepMetrics;
import org.metalearn4j.core.learner.TaskResult;
import org.metalearn4j.core.learner.TrainingState;
import org.metalearn4j.core.nn.BackboneSpec;
import org.metalearn4j.core.nn.ForwardContext;
import org.metalearn4j.core.nn.Params;
import org.metalearn4j.core.nn.RunningStats;
import org.metalearn4j.core.nn.backbone.BackboneUse;
import org.metalearn4j.core.optim.Adam;
import org.metalearn4j.core.optim.AdamConfig;
import org.metalearn4j.core.optim.LrSchedule;
import org.metalearn4j.core.state.StateDict;
import org.metalearn4j.core.task.Seeds;
import org.metalearn4j.core.task.Task;
import org.metalearn4j.core.task.TaskSource;
import org.metalearn4j.core.task.TaskType;
import org.metalearn4j.core.tensor.Tensor;
import org.metalearn4j.core.nn.metric.Distance;
import org.metalearn4j.core.nn.metric.EpisodeResult;
import org.metalearn4j.core.nn.metric.MetricModel;
import org.metalearn4j.core.nn.metric.PrototypeHead;
import org.metalearn4j.core.optim.OptimizerConfig;
import org.metalearn4j.metric.providers.ProtoNetConfig;
import org.metalearn4j.metric.providers.ProtoNetProvider;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The metric learners' step split by episode (so episodes can run on other threads or worker processes): with one
 * episode per meta-batch it trains bit for bit as the step that took the whole meta-batch in one graph did; with
 * several, the running batch-norm statistics are those of the whole-batch step bit for bit (each episode's batch
 * statistics replayed in order), the parameters equal up to the rounding of the sum's order, and any executor order
 * gives the update of the in-order step.
 */
class TaskwiseStepTest {
    private static final TaskSource GLYPHS = SyntheticEpisodes.glyphs(3, 1, 2, 0.1, DataType.FLOAT);
    private static final OptimizerConfig OPTIMIZER = new OptimizerConfig(1e-2, 1e-4,
            new LrSchedule(LrSchedule.Kind.COSINE, 5, 1, 0.1));
    private static final ProtoNetConfig CONFIG = new ProtoNetConfig(BackboneSpec.conv4(4),
            Distance.SQUARED_EUCLIDEAN, 10, OPTIMIZER);
    private static final LearnerContext CONTEXT = new LearnerContext(new long[] {1, 16, 16},
            TaskType.CLASSIFICATION, 3, 3, 9, Optional.empty());

    /** The step before it was split by episode: every episode of the meta-batch in one graph and one context. */
    private static final class WholeBatchStep {
        final MetricModel model = new MetricModel(CONTEXT.backbone(CONFIG.backbone(), BackboneUse.EMBEDDING).module(),
                new PrototypeHead(CONFIG.distance(), CONFIG.cosineScale()));
        final TrainingState state = new TrainingState(model.init(0, DataType.FLOAT, Optional.empty()),
                new Adam(new AdamConfig(OPTIMIZER.learningRate(), 0.9, 0.999, 1e-8, OPTIMIZER.weightDecay(),
                        List.of())), new RunningStats());

        WholeBatchStep(StateDict initial) {
            state.load(initial);
        }

        /** The gradient of the meta-batch's mean loss, without changing anything. */
        Params gradient(List<Task> batch) {
            Params params = state.params();
            ForwardContext ctx = new ForwardContext(true, new RunningStats(), 0);
            Tensor total = null;
            for (Task task : batch) {
                Tensor loss = model.episode(params, task, ctx).loss();
                total = total == null ? loss : total.add(loss);
            }
            return params.grad(total.div(batch.size()), false);
        }

        StepMetrics step(List<Task> batch) {
            Params params = state.params();
            ForwardContext ctx = new ForwardContext(true, state.stats(), Seeds.derive(CONTEXT.seed(), 1,
                    state.steps()));
            try (StepArena arena = StepArena.open()) {
                Tensor total = null;
                double accuracy = 0;
                for (Task task : batch) {
                    EpisodeResult r = model.episode(params, task, ctx);
                    total = total == null ? r.loss() : total.add(r.loss());
                    accuracy += r.accuracy();
                }
                Tensor loss = total.div(batch.size());
                double factor = OPTIMIZER.schedule().factor(state.steps());
                state.optimizer().setLearningRateFactor(factor);
                state.step(params.grad(loss, false));
                return new StepMetrics(loss.item(), accuracy / batch.size(),
                        Map.of("lr", OPTIMIZER.learningRate() * factor));
            }
        }
    }

    /** Computes the episodes last to first and returns their results in episode order. */
    private static final TaskExecutor REVERSED = (learner, tasks) -> {
        TaskResult[] results = new TaskResult[tasks.size()];
        for (int i = tasks.size() - 1; i >= 0; i--) {
            results[i] = learner.computeTask(tasks.get(i).task(), tasks.get(i).index());
        }
        return List.of(results);
    };

    private static MetricLearner create() {
        return (MetricLearner) new ProtoNetProvider().create(CONFIG, CONTEXT);
    }

    private static List<Task> batch(int iteration, int size) {
        List<Task> tasks = new ArrayList<>();
        for (int j = 0; j < size; j++) {
            tasks.add(GLYPHS.sample(Seeds.derive(17, iteration, j)));
        }
        return tasks;
    }

    @Test
    void aMetaBatchOfOneTrainsBitwiseAsTheWholeBatchStepDid() throws IOException {
        MetricLearner learner = create();
        WholeBatchStep before = new WholeBatchStep(learner.state());
        for (int it = 0; it < 4; it++) {
            List<Task> batch = batch(it, 1);
            assertThat(learner.step(batch)).isEqualTo(before.step(batch));
        }
        assertThat(bytes(learner.state())).isEqualTo(bytes(before.state.save()));
    }

    @Test
    void severalEpisodesGiveTheWholeBatchGradientAndStatisticsAndAnyOrderTheInOrderUpdate() throws IOException {
        MetricLearner inOrder = create();
        MetricLearner reversed = create();
        WholeBatchStep before = new WholeBatchStep(inOrder.state());
        List<Task> first = batch(0, 3);

        List<TaskResult> results = new LocalTaskExecutor(1).computeAll(inOrder, ScheduledTask.unseeded(first));
        Params whole = before.gradient(first);
        // rounding of float32 sums in another order: relative to the largest gradient entry of the network
        double tolerance = 1e-5 * whole.tensors().stream().mapToDouble(t -> t.value().amaxNumber().doubleValue())
                .max().orElseThrow();
        for (String name : whole.names()) {
            INDArray mean = results.get(0).tensors().get("grad." + name).dup();
            for (int j = 1; j < results.size(); j++) {
                mean.addi(results.get(j).tensors().get("grad." + name));
            }
            assertThat(mean.divi(3).sub(whole.get(name).value()).amaxNumber().doubleValue()).as(name)
                    .isLessThanOrEqualTo(tolerance);
        }
        inOrder.applyResults(results);
        before.step(first);
        StateDict split = inOrder.state();
        StateDict wholeState = before.state.save();
        for (String name : wholeState.names()) {
            if (name.startsWith("bn.")) {
                assertThat(split.get(name)).as(name).isEqualTo(wholeState.get(name));
            }
        }

        REVERSED.step(reversed, ScheduledTask.unseeded(first));
        for (int it = 1; it < 3; it++) {
            List<Task> batch = batch(it, 3);
            StepMetrics a = new LocalTaskExecutor(1).step(inOrder, ScheduledTask.unseeded(batch));
            assertThat(REVERSED.step(reversed, ScheduledTask.unseeded(batch))).isEqualTo(a);
        }
        assertThat(bytes(reversed.state())).isEqualTo(bytes(inOrder.state()));
    }

    private static byte[] bytes(StateDict state) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        state.write(new DataOutputStream(out));
        return out.toByteArray();
    }
}

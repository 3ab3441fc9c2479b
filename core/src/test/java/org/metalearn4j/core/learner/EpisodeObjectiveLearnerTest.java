package org.metalearn4j.core.learner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.metalearn4j.core.nn.ForwardContext;
import org.metalearn4j.core.nn.Linear;
import org.metalearn4j.core.nn.Losses;
import org.metalearn4j.core.nn.Params;
import org.metalearn4j.core.nn.RunningStats;
import org.metalearn4j.core.optim.LrSchedule;
import org.metalearn4j.core.optim.ScheduledAdamConfig;
import org.metalearn4j.core.state.StateDict;
import org.metalearn4j.core.task.Examples;
import org.metalearn4j.core.task.Task;
import org.metalearn4j.core.task.TaskType;
import org.metalearn4j.core.tensor.Tensor;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The shared episode-loss learner with the smallest objective there is: one linear layer fitted to the query sets of
 * tasks {@code y = 2 x + noise}. It learns, resumes bitwise, refuses NaN data before touching the parameters and never
 * applies a non-finite update.
 */
class EpisodeObjectiveLearnerTest {
    private static final Linear NET = new Linear(1, 1);

    /** MSE of the linear layer on the query set, averaged over the batch; {@code poison} makes the loss NaN. */
    private static EpisodeObjective objective(boolean poison) {
        return new EpisodeObjective() {
            @Override
            public Result loss(Params params, List<Task> batch, ForwardContext ctx) {
                Tensor total = null;
                for (Task t : batch) {
                    Tensor out = NET.forward(params, Tensor.constant(t.query().x()), ctx);
                    Tensor l = Losses.mse(out, Tensor.constant(t.query().y()));
                    total = total == null ? l : total.add(l);
                }
                Tensor mean = total.div(batch.size());
                return new Result(poison ? mean.mul(-1.0).log() : mean, mean.item(),
                        Map.of("tasks", 1.0 * batch.size()));
            }

            @Override
            public Adapter adapter(Params params, RunningStats stats) {
                return (support, type, ways) -> x -> NET.forward(params, Tensor.constant(x), null).value();
            }
        };
    }

    private static Task task(long seed, float nan) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] x = new float[8];
        float[] y = new float[8];
        for (int i = 0; i < 8; i++) {
            x[i] = (float) r.nextDouble(-1, 1);
            y[i] = 2 * x[i] + (float) r.nextDouble(-0.05, 0.05);
        }
        y[7] = Float.isNaN(nan) ? nan : y[7];
        Examples ex = new Examples(Nd4j.create(x, new long[] {8, 1}, DataType.FLOAT),
                Nd4j.create(y, new long[] {8, 1}, DataType.FLOAT));
        return new Task(ex, ex, TaskType.REGRESSION, 1, 8, "lines/meta-train");
    }

    private static EpisodeObjectiveLearner learner(boolean poison) {
        ScheduledAdamConfig adam = new ScheduledAdamConfig(0.1, 1e-4, new LrSchedule(LrSchedule.Kind.COSINE, 100, 1,
                0.1), 1.0);
        return new EpisodeObjectiveLearner(objective(poison), NET.init(3), adam, null, 11);
    }

    @Test
    void learnsAndReportsTheScheduledRateAndGradientNorm() {
        EpisodeObjectiveLearner l = learner(false);
        StepMetrics first = l.step(List.of(task(0, 0), task(1, 0)));
        StepMetrics last = first;
        for (int i = 1; i < 60; i++) {
            last = l.step(List.of(task(2L * i, 0), task(2L * i + 1, 0)));
        }
        assertThat(last.loss()).isLessThan(0.05 * first.loss());
        assertThat(first.extras()).containsKeys("lr", "gradNorm", "tasks");
        assertThat(first.extras().get("lr")).isEqualTo(0.1);
        assertThat(last.extras().get("lr")).isLessThan(0.1);
        assertThat(l.steps()).isEqualTo(60);
        float predicted = l.adapter().adapt(null, TaskType.REGRESSION, 1)
                .predict(Nd4j.createFromArray(new float[][] {{0.5f}})).getFloat(0);
        assertThat((double) predicted).isBetween(0.9, 1.1);
    }

    @Test
    void aReloadedLearnerTakesTheSameNextStepBitwise() throws IOException {
        EpisodeObjectiveLearner original = learner(false);
        for (int i = 0; i < 3; i++) {
            original.step(List.of(task(i, 0)));
        }
        EpisodeObjectiveLearner resumed = learner(false);
        resumed.load(roundTrip(original.state()));

        StepMetrics a = original.step(List.of(task(9, 0)));
        StepMetrics b = resumed.step(List.of(task(9, 0)));

        assertThat(b).isEqualTo(a);
        assertThat(bytes(resumed.state())).isEqualTo(bytes(original.state()));
    }

    @Test
    void nanTargetsAndNonFiniteLossesFailBeforeAnyUpdate() throws IOException {
        EpisodeObjectiveLearner l = learner(false);
        l.step(List.of(task(0, 0)));
        byte[] before = bytes(l.state());

        assertThatThrownBy(() -> l.step(List.of(task(1, Float.NaN))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lines/meta-train support set").hasMessageContaining("targets contain NaN");
        assertThat(bytes(l.state())).isEqualTo(before);

        EpisodeObjectiveLearner poisoned = learner(true);
        byte[] fresh = bytes(poisoned.state());
        assertThatThrownBy(() -> poisoned.step(List.of(task(1, 0))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("step 1: the loss is NaN").hasMessageContaining("[lines/meta-train]")
                .hasMessageContaining("nothing was updated");
        assertThat(bytes(poisoned.state())).isEqualTo(fresh);
        assertThatThrownBy(() -> l.step(List.of())).hasMessageContaining("meta-batch is empty");
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

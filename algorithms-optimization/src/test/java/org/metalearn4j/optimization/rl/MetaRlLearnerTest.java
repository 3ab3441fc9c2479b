package org.metalearn4j.optimization.rl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.metalearn4j.core.env.EnvironmentDataset;
import org.metalearn4j.core.learner.LearnerContext;
import org.metalearn4j.core.learner.TaskResult;
import org.metalearn4j.core.optim.LrSchedule;
import org.metalearn4j.core.plugin.PluginRegistry;
import org.metalearn4j.core.state.StateDict;
import org.metalearn4j.core.task.EpisodeSpec;
import org.metalearn4j.core.task.Seeds;
import org.metalearn4j.core.task.Task;
import org.metalearn4j.core.task.TaskSource;
import org.metalearn4j.core.task.TaskType;
import org.metalearn4j.optimization.MetaOptimizerConfig;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The reinforcement learners on a short-horizon navigation family: adaptation raises the return, meta-training
 * raises the return after adaptation, and a resumed learner continues bitwise as the uninterrupted one.
 */
class MetaRlLearnerTest {
    private static final int HORIZON = 30;
    // sorted: the split order sets each split's seed stream, and Map.of's order changes between JVM runs
    private static final EnvironmentDataset NAVIGATION = new EnvironmentDataset("tiny-nav", new TinyNavigation(HORIZON),
            new TreeMap<>(Map.of("meta-train", MetaRlLearnerTest::goal, "meta-test", MetaRlLearnerTest::goal)));
    private static final TaskSource TRAIN = NAVIGATION.episodes("meta-train", new EpisodeSpec(1, 10, 10));

    private static double[] goal(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        return new double[] {r.nextDouble() - 0.5, r.nextDouble() - 0.5};
    }

    private static MetaRlLearner learner(MetaRlConfig.Order order, long seed) {
        return learner(order, seed, new MetaOptimizerConfig(MetaOptimizerConfig.Kind.ADAM, 0.01));
    }

    private static MetaRlLearner learner(MetaRlConfig.Order order, long seed, MetaOptimizerConfig meta) {
        MetaRlConfig d = MetaRlConfig.defaults(order);
        MetaRlConfig config = new MetaRlConfig(order, 1, 0.1, 1, d.backbone(), 0.0, 0.99, meta, 0, 1);
        return MetaRlLearner.create(config, LearnerContext.forDataset(NAVIGATION, TRAIN, 1, seed, Optional.empty(),
                PluginRegistry.classpath()), DataType.FLOAT);
    }

    /** Mean return over 8 fixed goals after {@code steps} adaptation steps. */
    private static double[] returns(MetaRlLearner learner, int steps) {
        double[] mean = new double[steps + 1];
        for (int g = 0; g < 8; g++) {
            List<Double> r = learner.evaluate(goal(Seeds.derive(99, g)), 20, 20, steps, Seeds.derive(5, g)).returns();
            for (int k = 0; k <= steps; k++) {
                mean[k] += r.get(k) / 8;
            }
        }
        return mean;
    }

    @Test
    void aPolicyGradientStepRaisesTheReturn() {
        double[] r = returns(learner(MetaRlConfig.Order.SECOND, 1), 1);
        assertThat(r[1]).as("after one step vs before: %s", java.util.Arrays.toString(r)).isGreaterThan(r[0] + 1);
    }

    @Test
    void metaTrainingRaisesTheReturnAfterAdaptation() {
        MetaRlLearner learner = learner(MetaRlConfig.Order.SECOND, 2);
        double before = returns(learner, 1)[1];
        for (int it = 0; it < 10; it++) {
            List<Task> batch = new ArrayList<>();
            for (int j = 0; j < 4; j++) {
                batch.add(TRAIN.sample(Seeds.derive(3, it, j)));
            }
            learner.step(batch);
        }
        double after = returns(learner, 1)[1];
        assertThat(after).as("return after adaptation, before %.2f and after meta-training", before)
                .isGreaterThan(before + 2);
    }

    @Test
    void aRestoredLearnerContinuesBitwiseAsTheUninterruptedOne() throws IOException {
        for (MetaRlConfig.Order order : MetaRlConfig.Order.values()) {
            MetaRlLearner original = learner(order, 4);
            MetaRlLearner resumed = learner(order, 4);
            for (int it = 0; it < 2; it++) {
                original.step(batch(it));
                resumed.step(batch(it));
            }
            MetaRlLearner restored = learner(order, 77);
            restored.load(resumed.state());
            for (int it = 2; it < 4; it++) {
                original.step(batch(it));
                restored.step(batch(it));
            }
            assertThat(bytes(restored.state())).as(order.name()).isEqualTo(bytes(original.state()));
        }
    }

    @Test
    void tasksComputedInAnyOrderGiveTheSameUpdate() throws IOException {
        MetaRlLearner plain = learner(MetaRlConfig.Order.SECOND, 6);
        MetaRlLearner reversed = learner(MetaRlConfig.Order.SECOND, 6);
        List<Task> batch = batch(0);
        plain.step(batch);
        TaskResult[] results = new TaskResult[batch.size()];
        for (int j = batch.size() - 1; j >= 0; j--) {
            results[j] = reversed.computeTask(batch.get(j), j);
        }
        reversed.applyResults(List.of(results));
        assertThat(bytes(reversed.state())).isEqualTo(bytes(plain.state()));
    }

    /** A cosine schedule down to 0 after one iteration: the second meta-update leaves the policy where it was. */
    @Test
    void theMetaOptimizersScheduleIsApplied() throws IOException {
        MetaRlLearner learner = learner(MetaRlConfig.Order.FIRST, 3, new MetaOptimizerConfig(
                MetaOptimizerConfig.Kind.ADAM, 0.01, new LrSchedule(LrSchedule.Kind.COSINE, 1, 1, 0)));
        learner.step(batch(0));
        byte[] first = bytes(learner.state().withPrefix("params."));
        learner.step(batch(1));
        assertThat(bytes(learner.state().withPrefix("params."))).isEqualTo(first);
    }

    @Test
    void dataWithoutEnvironmentsIsRefused() {
        LearnerContext regression = new LearnerContext(new long[] {1}, TaskType.REGRESSION, 1, 1, 0,
                Optional.empty());
        assertThatThrownBy(() -> MetaRlLearner.create(MetaRlConfig.defaults(MetaRlConfig.Order.SECOND), regression,
                DataType.FLOAT)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("act in environments");
    }

    private static List<Task> batch(int iteration) {
        return List.of(TRAIN.sample(Seeds.derive(8, iteration, 0)), TRAIN.sample(Seeds.derive(8, iteration, 1)));
    }

    private static byte[] bytes(StateDict state) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        state.write(new DataOutputStream(out));
        return out.toByteArray();
    }
}

package org.metalearn4j.optimization.conditioned;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.metalearn4j.core.nn.BackboneSpec;
import org.metalearn4j.core.nn.Params;
import org.metalearn4j.core.optim.UpdateRule;
import org.metalearn4j.core.state.StateDict;
import org.metalearn4j.core.task.Examples;
import org.metalearn4j.core.task.Seeds;
import org.metalearn4j.core.task.Task;
import org.metalearn4j.core.task.TaskType;
import org.metalearn4j.core.tensor.Tensor;
import org.metalearn4j.core.testing.GradCheck;
import org.metalearn4j.optimization.GradientMetaLearner;
import org.metalearn4j.optimization.MamlConfig;
import org.metalearn4j.optimization.MetaOptimizerConfig;
import org.metalearn4j.optimization.SinusoidTasks;
import org.metalearn4j.optimization.TaskGradients;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The task-conditioned optimizer: gradients, its Meta-SGD start, and rates that depend on the task family. */
class TaskConditionedTest {
    private static TaskConditionedConfig config(int steps, MetaOptimizerConfig meta) {
        return new TaskConditionedConfig(MamlConfig.Order.SECOND, steps, 0.05, steps, true,
                new EncoderConfig(List.of(3), 2), BackboneSpec.mlp(3), meta, 0, 1);
    }

    @Test
    void theConditionedStepIsDifferentiableToSecondOrderInEveryInput() {
        List<INDArray> inputs = List.of(GradCheck.random(1, 2, 2), GradCheck.random(2, 2, 2),
                GradCheck.positive(3, 0.01, 0.1, 2, 2), GradCheck.random(4, 2), GradCheck.random(5, 2));
        GradCheck.firstOrder(TaskConditionedTest::twoSteps, inputs);
        GradCheck.secondOrder(TaskConditionedTest::twoSteps, inputs);
    }

    private static Tensor twoSteps(List<Tensor> xs) {
        Params theta = Params.of(List.of("a.weight", "b.weight"), List.of(xs.get(0).slice(0, 0, 1),
                xs.get(0).slice(0, 1, 2)));
        Params grads = Params.of(List.of("a.weight", "b.weight"), List.of(xs.get(1).slice(0, 0, 1),
                xs.get(1).slice(0, 1, 2)));
        Params rates = Params.of(List.of("a.weight", "b.weight"), List.of(xs.get(2).slice(0, 0, 1),
                xs.get(2).slice(0, 1, 2)));
        UpdateRule rule = new ConditionedRule(rates, 0.1, xs.get(3).exp(), xs.get(4).sigmoid().mul(2.0),
                Map.of("a.weight", 0, "b.weight", 1));
        UpdateRule.Step one = rule.step(theta, grads, null, rule.initialState(theta));
        UpdateRule.Step two = rule.step(one.params(), grads.map(g -> g.mul(-0.5)), null, one.state());
        return Tensor.concat(0, two.params().tensors());
    }

    @Test
    void theMetaGradientIsExactForInitialisationRatesEncoderAndConditioner() {
        TaskConditionedLearner learner = TaskConditionedLearner.create(config(2, MetaOptimizerConfig.defaults()),
                SinusoidTasks.context(3), DataType.DOUBLE);
        StateDict state = learner.state();
        // away from the zero start, so that the encoder's gradient is not zero
        state.put("params.conditioner.weight", GradCheck.random(5, 4, 2).mul(0.5));
        learner.load(state);
        TaskGradients.check(learner, SinusoidTasks.task(21, 5, 6), 1e-6);
    }

    @Test
    void itStartsAsMetaSgdTheFirstUpdateOfTheSharedParametersIsMetaSgdsBitwise() {
        MetaOptimizerConfig adam = MetaOptimizerConfig.defaults();
        TaskConditionedLearner conditioned = TaskConditionedLearner.create(config(1, adam), SinusoidTasks.context(6),
                DataType.FLOAT);
        GradientMetaLearner metaSgd = GradientMetaLearner.create(new MamlConfig(MamlConfig.Order.SECOND, 1, 0.05, 1,
                BackboneSpec.mlp(3), adam, 0, 1), SinusoidTasks.context(6), GradientMetaLearner.Variant.META_SGD,
                DataType.FLOAT);
        List<Task> batch = SinusoidTasks.batch(3, 0, 4, 5, 5);
        assertThat(conditioned.step(batch).loss()).isEqualTo(metaSgd.step(batch).loss());
        StateDict a = conditioned.state().withPrefix("params.");
        StateDict b = metaSgd.state().withPrefix("params.");
        for (String n : b.names()) {
            assertThat(a.get(n)).as(n).isEqualTo(b.get(n));
        }
        assertThatThrownBy(() -> new TaskConditionedConfig(MamlConfig.Order.SECOND, 2, 0.05, 3, true,
                new EncoderConfig(List.of(3), 2), BackboneSpec.mlp(3), adam, 0, 1))
                .hasMessageStartingWith("evalInnerSteps: the network outputs step weights for innerSteps (2)");
    }

    /**
     * Two families that want different step sizes for the same network: lines through the origin with outputs in
     * [-1, 1] on inputs in [-4, 4] or in [-0.1, 0.1] (the loss's curvature grows with the inputs' square). After
     * meta-training on both, the rates read from their support sets differ.
     */
    @Test
    void afterTrainingOnTwoFamiliesTheirSupportSetsGetDifferentRates() {
        TaskConditionedLearner learner = TaskConditionedLearner.create(new TaskConditionedConfig(
                MamlConfig.Order.SECOND, 1, 0.05, 1, false, new EncoderConfig(List.of(16), 8), BackboneSpec.mlp(8),
                new MetaOptimizerConfig(MetaOptimizerConfig.Kind.ADAM, 0.05), 0, 1), SinusoidTasks.context(2),
                DataType.FLOAT);
        for (int it = 0; it < 100; it++) {
            List<Task> batch = new ArrayList<>();
            for (int j = 0; j < 4; j++) {
                batch.add(line(Seeds.derive(it, j), j % 2 == 0));
            }
            learner.step(batch);
        }
        double[] wide = meanScales(learner, true);
        double[] narrow = meanScales(learner, false);
        double largest = 0;
        for (int l = 0; l < wide.length; l++) {
            largest = Math.max(largest, Math.abs(Math.log(narrow[l] / wide[l])));
        }
        assertThat(largest).as("layer scales: wide inputs %s, narrow inputs %s", java.util.Arrays.toString(wide),
                java.util.Arrays.toString(narrow)).isGreaterThan(Math.log(1.3));
    }

    /** Each layer's rate scale averaged over ten support sets of a family. */
    private static double[] meanScales(TaskConditionedLearner learner, boolean wide) {
        double[] sum = null;
        for (int i = 0; i < 10; i++) {
            double[] s = learner.rates(line(Seeds.derive(wide ? 99 : 98, i), wide).support(), TaskType.REGRESSION)
                    .layerScale();
            sum = sum == null ? s.clone() : sum;
            for (int l = 0; i > 0 && l < s.length; l++) {
                sum[l] += s[l];
            }
        }
        for (int l = 0; l < sum.length; l++) {
            sum[l] /= 10;
        }
        return sum;
    }

    private static Task line(long seed, boolean wide) {
        SplittableRandom rng = new SplittableRandom(seed);
        double slope = 0.5 + 0.5 * rng.nextDouble();
        double range = wide ? 4 : 0.1;
        double[] x = new double[10];
        double[] y = new double[10];
        for (int i = 0; i < 10; i++) {
            x[i] = range * (2 * rng.nextDouble() - 1);
            y[i] = slope * x[i] / range;
        }
        Examples support = new Examples(column(x, 0, 5), column(y, 0, 5));
        Examples query = new Examples(column(x, 5, 10), column(y, 5, 10));
        return new Task(support, query, TaskType.REGRESSION, 1, 5, wide ? "wide" : "narrow");
    }

    private static INDArray column(double[] v, int from, int to) {
        return Nd4j.create(java.util.Arrays.copyOfRange(v, from, to), new long[] {to - from, 1}, DataType.DOUBLE)
                .castTo(DataType.FLOAT);
    }
}

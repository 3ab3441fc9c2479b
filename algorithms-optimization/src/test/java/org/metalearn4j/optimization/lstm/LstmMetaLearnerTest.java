package org.metalearn4j.optimization.lstm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.metalearn4j.core.nn.BackboneSpec;
import org.metalearn4j.core.nn.Params;
import org.metalearn4j.core.optim.UpdateRule;
import org.metalearn4j.core.task.Seeds;
import org.metalearn4j.core.tensor.Tensor;
import org.metalearn4j.core.testing.GradCheck;
import org.metalearn4j.optimization.MamlConfig;
import org.metalearn4j.optimization.MetaOptimizerConfig;
import org.metalearn4j.optimization.SinusoidTasks;
import org.metalearn4j.optimization.TaskGradients;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The LSTM meta-learner's pieces against float64 finite differences, and what its update starts as. */
class LstmMetaLearnerTest {
    private static LstmMetaLearnerConfig config(MamlConfig.Order order, int steps) {
        return new LstmMetaLearnerConfig(order, steps, steps, 2, 10.0, BackboneSpec.mlp(2),
                new MetaOptimizerConfig(MetaOptimizerConfig.Kind.SGD, 1.0), 0, 1);
    }

    @Test
    void preprocessingIsTheLogAndSignOfThePapersAndDifferentiableAwayFromTheThreshold() {
        LogAndSign p = new LogAndSign(10);
        INDArray x = org.nd4j.linalg.factory.Nd4j.create(new double[] {2.0, -1e-3, 1e-6, -3e-7, 0}, new long[] {5, 1},
                DataType.DOUBLE);
        double[][] out = p.apply(Tensor.constant(x)).value().toDoubleMatrix();
        assertThat(out[0]).containsExactly(Math.log(2.0) / 10, 1.0);
        assertThat(out[1][0]).isCloseTo(Math.log(1e-3) / 10, within(1e-12));
        assertThat(out[1][1]).isEqualTo(-1.0);
        assertThat(out[2][0]).isEqualTo(-1.0);
        assertThat(out[2][1]).isCloseTo(Math.exp(10) * 1e-6, within(1e-12));
        assertThat(out[4]).containsExactly(-1.0, 0.0);
        INDArray away = GradCheck.awayFromZero(3, 1e-3, 2, 6, 1);
        away.putScalar(0, 0, 2e-6);
        GradCheck.firstOrder(xs -> p.apply(xs.get(0)), List.of(away));
        GradCheck.secondOrder(xs -> p.apply(xs.get(0)), List.of(away));
    }

    @Test
    void oneMetaLearnerStepIsDifferentiableToSecondOrderInParametersGradientsLossAndWeights() {
        MetaLstm lstm = new MetaLstm(2, 10.0);
        Params weights = lstm.init(5, DataType.DOUBLE);
        List<String> names = weights.names();
        List<INDArray> inputs = new java.util.ArrayList<>();
        inputs.add(GradCheck.random(1, 1, 2));
        inputs.add(GradCheck.awayFromZero(2, 0.01, 1, 1, 2));
        inputs.add(GradCheck.positive(3, 0.5, 2));
        for (String n : names) {
            inputs.add(GradCheck.random(Seeds.derive(9, inputs.size()), weights.get(n).shape()).mul(0.3));
        }
        java.util.function.Function<List<Tensor>, Tensor> step = xs -> {
            Params theta = Params.of(List.of("w"), List.of(xs.get(0)));
            Params grads = Params.of(List.of("w"), List.of(xs.get(1)));
            UpdateRule rule = lstm.rule(Params.of(names, xs.subList(3, xs.size())), false);
            Params state = rule.initialState(theta);
            UpdateRule.Step first = rule.step(theta, grads, xs.get(2).reshape(), state);
            UpdateRule.Step second = rule.step(first.params(), grads.map(g -> g.mul(0.5)), xs.get(2).mul(0.7).reshape(),
                    first.state());
            return second.params().get("w");
        };
        GradCheck.firstOrder(step, inputs);
        GradCheck.secondOrder(step, inputs);
    }

    @Test
    void metaGradientIsExactAtSecondOrderForInitialParametersAndMetaLearnerWeights() {
        LstmMetaLearner learner = LstmMetaLearner.create(config(MamlConfig.Order.SECOND, 2),
                SinusoidTasks.context(3), DataType.DOUBLE);
        TaskGradients.check(learner, SinusoidTasks.task(11, 5, 6), 1e-6);
    }

    @Test
    void firstOrderDiffersAndBothTrainTheInitialisationAndTheUpdate() {
        LstmMetaLearner learner = LstmMetaLearner.create(config(MamlConfig.Order.FIRST, 2),
                SinusoidTasks.context(3), DataType.DOUBLE);
        var before = learner.state().withPrefix("params.");
        learner.step(SinusoidTasks.batch(4, 0, 2, 5, 5));
        var after = learner.state().withPrefix("params.");
        assertThat(after.get("head.weight")).isNotEqualTo(before.get("head.weight"));
        assertThat(after.get("optimizer.input.bias")).isNotEqualTo(before.get("optimizer.input.bias"));
        assertThat(after.get("optimizer.lstm.weight_ih")).isNotEqualTo(before.get("optimizer.lstm.weight_ih"));
    }
}

package org.metalearn4j.optimization.learned;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.metalearn4j.core.nn.BackboneSpec;
import org.metalearn4j.core.nn.Params;
import org.metalearn4j.core.optim.OptimizerSetup;
import org.metalearn4j.core.optim.ParamGroup;
import org.metalearn4j.core.optim.UpdateRule;
import org.metalearn4j.core.state.StateDict;
import org.metalearn4j.core.task.Seeds;
import org.metalearn4j.core.task.Task;
import org.metalearn4j.core.tensor.Autograd;
import org.metalearn4j.core.tensor.Tensor;
import org.metalearn4j.core.testing.GradCheck;
import org.metalearn4j.optimization.StateBytes;
import org.metalearn4j.optimization.MamlConfig;
import org.metalearn4j.optimization.MetaOptimizerConfig;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The learned LSTM optimizer: its gradients, its meta-update, its use as an Optimizer, and its refusals. */
class LearnedOptimizerTest {
    private static final int DIMS = 4;

    static LearnedOptimizerConfig config(int steps, int unroll, MamlConfig.Order order, double outputScale,
                                         List<String> groups) {
        return config(steps, unroll, order, outputScale, groups, LearnedOptimizerConfig.Objective.MEAN);
    }

    static LearnedOptimizerConfig config(int steps, int unroll, MamlConfig.Order order, double outputScale,
                                         List<String> groups, LearnedOptimizerConfig.Objective objective) {
        return new LearnedOptimizerConfig(2, 3, 5.0, outputScale, groups, steps, unroll, objective, order,
                BackboneSpec.mlp(), false, 0, steps, new MetaOptimizerConfig(MetaOptimizerConfig.Kind.SGD, 1.0), 0);
    }

    @Test
    void twoStepsOfTheRuleAreDifferentiableToSecondOrderInParametersGradientsAndWeights() {
        CoordinatewiseLstm network = new CoordinatewiseLstm(2, 2, 5.0, 0.1);
        List<String> names = network.parameterSpecs().stream().map(s -> "0." + s.name()).toList();
        List<INDArray> inputs = new ArrayList<>();
        inputs.add(GradCheck.random(1, 3));
        inputs.add(GradCheck.awayFromZero(2, 0.01, 2, 3));
        network.parameterSpecs().forEach(s -> inputs.add(GradCheck.random(Seeds.derive(4, inputs.size()), s.shape())
                .mul(0.5)));
        ParameterGroups groups = new ParameterGroups(List.of(""));
        Function<List<Tensor>, Tensor> twoSteps = xs -> {
            UpdateRule rule = new LearnedLstmRule(network, Params.of(names, xs.subList(2, xs.size())), groups, false);
            Params theta = Params.of(List.of("w"), List.of(xs.get(0)));
            Params grads = Params.of(List.of("w"), List.of(xs.get(1)));
            UpdateRule.Step one = rule.step(theta, grads, null, rule.initialState(theta));
            return rule.step(one.params(), grads.map(g -> g.mul(-0.3)), null, one.state()).params().get("w");
        };
        GradCheck.firstOrder(twoSteps, inputs);
        GradCheck.secondOrder(twoSteps, inputs);
    }

    /**
     * One truncation of three steps of two tasks, optimized jointly, with a plain SGD meta-optimizer of rate 1 (so
     * the update is minus the meta-gradient), against central differences of the truncation objective (the tasks'
     * mean loss, or its log, averaged over the steps after the first update), computed here from the public pieces
     * with one trajectory per task.
     */
    @ParameterizedTest
    @EnumSource(LearnedOptimizerConfig.Objective.class)
    void theMetaUpdateIsTheExactGradientOfTheTruncationObjective(LearnedOptimizerConfig.Objective kind) {
        LearnedOptimizerConfig config = config(3, 3, MamlConfig.Order.SECOND, 0.1, List.of(""), kind);
        LearnedOptimizerLearner learner = LearnedOptimizerLearner.create(config, QuadraticTasks.context(DIMS, 5),
                DataType.DOUBLE);
        List<Task> tasks = List.of(QuadraticTasks.task(8, DIMS, DataType.DOUBLE),
                QuadraticTasks.task(9, DIMS, DataType.DOUBLE));
        StateDict before = learner.state().withPrefix("params.");
        List<String> names = new ArrayList<>(before.names());
        List<INDArray> values = names.stream().map(before::get).toList();
        learner.step(tasks);
        StateDict after = learner.state().withPrefix("params.");
        List<INDArray> analytic = names.stream().map(n -> before.get(n).sub(after.get(n))).toList();

        Function<List<INDArray>, Double> objective = vs -> {
            Params weights = Params.of(names.stream().map(n -> n.substring("lstm.".length())).toList(),
                    vs.stream().map(Tensor::constant).toList());
            List<Trajectory> runs = new ArrayList<>();
            for (int j = 0; j < tasks.size(); j++) {
                Task task = tasks.get(j);
                OptimizationProblem problem = new OptimizationProblem(learner.optimizee(), task.support(),
                        task.type(), DataType.DOUBLE, 0, Seeds.derive(5, 0, j, 1));
                runs.add(new Trajectory(problem, new LearnedLstmRule(config.network(), weights,
                        config.parameterGroups(), false), learner.optimizee().init(Seeds.derive(5, 0, j, 0),
                        DataType.DOUBLE), true));
            }
            double total = 0;
            for (int k = 0; k <= 3; k++) {
                double mean = 0;
                for (Trajectory run : runs) {
                    mean += (k < 3 ? run.advance() : run.loss()).item() / runs.size();
                }
                if (k > 0) {
                    total += kind == LearnedOptimizerConfig.Objective.LOG ? Math.log(mean) : mean;
                }
            }
            return total / 3;
        };
        GradCheck.matchesFiniteDifferences(objective, values, analytic, 1e-6);
    }

    @Test
    void asAnOptimizerItTakesTheRulesStepsAndKeepsFrozenParametersStill() {
        LearnedOptimizerConfig config = config(4, 2, MamlConfig.Order.FIRST, 0.1, List.of(""));
        LearnedOptimizerLearner learner = LearnedOptimizerLearner.create(config, QuadraticTasks.context(DIMS, 5),
                DataType.DOUBLE);
        learner.step(List.of(QuadraticTasks.task(3, DIMS, DataType.DOUBLE)));
        Task task = QuadraticTasks.task(9, DIMS, DataType.DOUBLE);
        OptimizationProblem problem = new OptimizationProblem(learner.optimizee(), task.support(), task.type(),
                DataType.DOUBLE, 0, 1);
        Params start = learner.optimizee().init(2, DataType.DOUBLE);
        Trajectory run = new Trajectory(problem, UpdateRule.detached(new LearnedLstmRule(config.network(),
                weights(learner), config.parameterGroups(), true)), start.copyAsVariables(), false);
        var optimizer = learner.optimizer(OptimizerSetup.of(1e-3));
        Params live = start.copyAsVariables();
        for (int s = 0; s < 5; s++) {
            run.advance();
            optimizer.step(live, live.grad(problem.loss(live, s), false));
        }
        for (String n : live.names()) {
            assertThat(GradCheck.maxRelativeError(live.get(n).value(), run.params().get(n).value())).as(n)
                    .isLessThan(1e-12);
        }

        var frozen = learner.optimizer(new OptimizerSetup(1e-3, List.of(ParamGroup.frozen("head."))));
        INDArray headBefore = live.get("head.weight").value().dup();
        frozen.step(live, live.grad(problem.loss(live, 0), false));
        assertThat(live.get("head.weight").value()).isEqualTo(headBefore);
    }

    private static Params weights(LearnedOptimizerLearner learner) {
        StateDict lstm = learner.state().withPrefix("params.lstm.");
        List<String> names = new ArrayList<>(lstm.names());
        return Params.of(names, names.stream().map(n -> Tensor.constant(lstm.get(n))).toList());
    }

    @Test
    void anUnrollLongerThanTheStepsIsRefusedNamingTheField() {
        assertThatThrownBy(() -> config(100, 200, MamlConfig.Order.FIRST, 0.01, List.of("")))
                .hasMessage("unroll: expected at most steps (100), got 200");
    }

    @Test
    void aModelItsGroupsCannotServeOrAStateOfAnotherModelIsRefusedBeforeAnythingMoves() {
        LearnedOptimizerConfig headOnly = config(2, 1, MamlConfig.Order.FIRST, 0.01, List.of("backbone."));
        assertThatThrownBy(() -> LearnedOptimizerLearner.create(headOnly, QuadraticTasks.context(DIMS, 1),
                DataType.FLOAT)).hasMessageContaining("parameter 'head.weight' matches none of the parameter groups"
                + " it was trained for [backbone.]");

        LearnedOptimizerLearner learner = LearnedOptimizerLearner.create(config(2, 1, MamlConfig.Order.FIRST, 0.01,
                List.of("")), QuadraticTasks.context(DIMS, 1), DataType.DOUBLE);
        var optimizer = learner.optimizer(OptimizerSetup.of(1e-3));
        Params small = Params.of(List.of("head.weight"), List.of(Tensor.variable(Nd4j.ones(DataType.DOUBLE, 1, 3))));
        optimizer.step(small, small.map(t -> Tensor.constant(t.value().mul(0.5))));
        StateDict saved = optimizer.state();
        var other = learner.optimizer(OptimizerSetup.of(1e-3));
        other.loadState(saved);
        Params larger = Params.of(List.of("head.weight"), List.of(Tensor.variable(Nd4j.ones(DataType.DOUBLE, 1, 5))));
        assertThatThrownBy(() -> other.step(larger, larger)).hasMessageContaining("saved state for 'head.weight'"
                + " covers 3 coordinates but the parameter has 5");
        assertThat(larger.get("head.weight").value()).isEqualTo(Nd4j.ones(DataType.DOUBLE, 1, 5));

        Params nan = Params.of(List.of("head.weight"), List.of(Tensor.constant(Nd4j.valueArrayOf(new long[] {1, 3},
                Double.NaN, DataType.DOUBLE))));
        INDArray kept = small.get("head.weight").value().dup();
        assertThatThrownBy(() -> optimizer.step(small, nan)).hasMessageContaining("the gradient of 'head.weight' is"
                + " not finite at optimizer step 2; no parameter was updated");
        assertThat(small.get("head.weight").value()).isEqualTo(kept);
    }

    @Test
    void aDivergingUnrollStopsNamingTheStepAndLeavesTheLearnerAsItWas() {
        LearnedOptimizerLearner learner = LearnedOptimizerLearner.create(config(12, 3, MamlConfig.Order.FIRST,
                1e20, List.of("")), QuadraticTasks.context(DIMS, 2), DataType.FLOAT);
        Task task = QuadraticTasks.task(4, DIMS, DataType.FLOAT);
        byte[] before = StateBytes.of(learner.state());
        assertThatThrownBy(() -> learner.step(List.of(task)))
                .hasMessageStartingWith("learned-optimizer, iteration 1: task 0: the optimizee loss is")
                .hasMessageContaining(" at step ")
                .hasMessageEndingWith("the learner is back at its state before the iteration");
        assertThat(StateBytes.of(learner.state())).isEqualTo(before);
    }

    @Test
    void metaTrainingOnQuadraticsLowersTheLossItsOptimizerReaches() {
        LearnedOptimizerConfig config = new LearnedOptimizerConfig(2, 20, 5.0, 0.01, List.of(""), 20, 5,
                LearnedOptimizerConfig.Objective.MEAN, MamlConfig.Order.FIRST, BackboneSpec.mlp(), false, 0, 20,
                new MetaOptimizerConfig(MetaOptimizerConfig.Kind.ADAM, 0.01), 0);
        LearnedOptimizerLearner learner = LearnedOptimizerLearner.create(config, QuadraticTasks.context(10, 3),
                DataType.FLOAT);
        double untrained = heldOutLoss(learner);
        for (int it = 0; it < 10; it++) {
            learner.step(QuadraticTasks.batch(1, it, 4, 10));
        }
        double trained = heldOutLoss(learner);
        assertThat(trained).as("held-out loss after 20 steps, untrained %.4f", untrained).isLessThan(0.5 * untrained);
    }

    private static double heldOutLoss(LearnedOptimizerLearner learner) {
        double sum = 0;
        for (int i = 0; i < 8; i++) {
            Task t = QuadraticTasks.task(Seeds.derive(77, i), 10, DataType.FLOAT);
            INDArray out = learner.adapter().adapt(t.support(), t.type(), 1).predict(t.query().x());
            INDArray d = out.sub(t.query().y());
            sum += d.mul(d).meanNumber().doubleValue();
        }
        return sum / 8;
    }
}

package org.metalearn4j.optimization.bayes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.metalearn4j.core.config.ConfigBinder;
import org.metalearn4j.core.config.ConfigMappers;
import org.metalearn4j.core.learner.InnerLoop;
import org.metalearn4j.core.learner.LearnerContext;
import org.metalearn4j.core.learner.TaskLoss;
import org.metalearn4j.core.learner.TaskResult;
import org.metalearn4j.core.nn.BackboneSpec;
import org.metalearn4j.core.nn.ForwardContext;
import org.metalearn4j.core.nn.Params;
import org.metalearn4j.core.optim.UpdateRule;
import org.metalearn4j.core.spi.ConfigException;
import org.metalearn4j.core.state.StateDict;
import org.metalearn4j.core.task.Examples;
import org.metalearn4j.core.task.Seeds;
import org.metalearn4j.core.task.Task;
import org.metalearn4j.core.task.TaskType;
import org.metalearn4j.core.tensor.Tensor;
import org.metalearn4j.core.testing.GradCheck;
import org.metalearn4j.core.train.RunComponents;
import org.metalearn4j.optimization.MamlConfig;
import org.metalearn4j.optimization.MetaOptimizerConfig;
import org.metalearn4j.optimization.SinusoidTasks;
import org.metalearn4j.optimization.TaskGradients;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Bayesian MAML and its ensemble: SVGD's gradients, both meta-losses' gradients, uncertainty, refusals. */
class BayesianMamlTest {
    private static BayesianMamlConfig config(int particles, BayesianMamlConfig.MetaLoss loss, double bandwidth) {
        return new BayesianMamlConfig(particles, MamlConfig.Order.SECOND, 2, 0.1, 2, loss, 1, bandwidth, 1.0,
                BackboneSpec.mlp(2), new MetaOptimizerConfig(MetaOptimizerConfig.Kind.SGD, 1.0), 0, 1);
    }

    @Test
    void svgdStepsAreDifferentiableToSecondOrderWithTheBandwidthHeldFixed() {
        Particles particles = new Particles(TestNetworks.tiny(), 3, TaskType.REGRESSION);
        List<String> names = List.of("particle.0.w", "particle.1.w", "particle.2.w");
        SvgdRule rule = new SvgdRule(0.3, 2.0, particles);
        Function<List<Tensor>, Tensor> twoSteps = xs -> {
            Params theta = Params.of(names, xs.subList(0, 3));
            Params grads = Params.of(names, xs.subList(3, 6));
            UpdateRule.Step one = rule.step(theta, grads, null, Params.empty());
            Params moved = rule.step(one.params(), grads.map(g -> g.mul(0.5)), null, Params.empty()).params();
            return Tensor.concat(0, moved.tensors());
        };
        List<INDArray> inputs = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            inputs.add(GradCheck.random(i + 1, 3));
        }
        GradCheck.firstOrder(twoSteps, inputs);
        GradCheck.secondOrder(twoSteps, inputs);
    }

    @Test
    void svgdWithOneCloseNeighbourPushesTheParticlesApartWithoutAGradient() {
        Particles particles = new Particles(TestNetworks.tiny(), 2, TaskType.REGRESSION);
        Params theta = Params.of(List.of("particle.0.w", "particle.1.w"), List.of(
                Tensor.constant(Nd4j.createFromArray(0.0, 0.0)), Tensor.constant(Nd4j.createFromArray(0.1, 0.0))));
        Params zero = theta.map(t -> Tensor.constant(t.value().mul(0)));
        Params moved = new SvgdRule(0.1, 0, particles).step(theta, zero, null, Params.empty()).params();
        assertThat(moved.get("particle.0.w").value().getDouble(0)).isLessThan(0.0);
        assertThat(moved.get("particle.1.w").value().getDouble(0)).isGreaterThan(0.1);
    }

    @Test
    void theQueryMetaGradientIsExactForBmamlAndTheEnsemble() {
        for (BayesianMamlLearner.Variant variant : BayesianMamlLearner.Variant.values()) {
            BayesianMamlLearner learner = BayesianMamlLearner.create(config(2, BayesianMamlConfig.MetaLoss.QUERY,
                    1.5), SinusoidTasks.context(3), variant, DataType.DOUBLE);
            TaskGradients.check(learner, SinusoidTasks.task(7, 5, 6), 1e-6);
        }
    }

    /** The chaser loss differentiates the chaser only: finite differences with the leader held where it was. */
    @Test
    void theChaserMetaGradientIsExactWithTheLeaderHeldFixed() {
        BayesianMamlConfig config = config(2, BayesianMamlConfig.MetaLoss.CHASER, 1.5);
        BayesianMamlLearner learner = BayesianMamlLearner.create(config, SinusoidTasks.context(3),
                BayesianMamlLearner.Variant.BMAML, DataType.DOUBLE);
        Task task = SinusoidTasks.task(7, 5, 6);
        TaskResult result = learner.computeTask(task, 0);
        StateDict start = learner.state().withPrefix("params.");
        List<String> names = new ArrayList<>(start.names());
        Particles particles = new Particles(TestNetworks.sinusoid(2), 2,
                TaskType.REGRESSION);
        TaskLoss support = TaskLoss.of(task.support(), task.type(), DataType.DOUBLE);
        TaskLoss all = TaskLoss.of(new Examples(Nd4j.concat(0, task.support().x(), task.query().x()),
                Nd4j.concat(0, task.support().y(), task.query().y())), task.type(), DataType.DOUBLE);
        ForwardContext ctx = ForwardContext.training(Seeds.derive(3, 0, 0));
        Function<List<INDArray>, Params> chaser = vs -> InnerLoop.adapt(Params.of(names,
                vs.stream().map(Tensor::variable).toList()), (fast, step) -> particles.objective(fast, support, ctx),
                learner.rule(), config.innerSteps(), true);
        List<INDArray> values = names.stream().map(start::get).toList();
        Params leader = InnerLoop.adapt(chaser.apply(values).map(Tensor::detachVariable),
                (fast, step) -> particles.objective(fast, all, ctx), learner.rule(), 1, false).map(Tensor::detach);
        Function<List<INDArray>, Double> distance = vs -> {
            Params c = chaser.apply(vs);
            double sum = 0;
            for (String n : names) {
                INDArray d = c.get(n).value().sub(leader.get(n).value());
                sum += d.mul(d).sumNumber().doubleValue();
            }
            return sum / 2;
        };
        assertThat(result.loss()).isCloseTo(distance.apply(values), within(1e-12));
        GradCheck.matchesFiniteDifferences(distance, values, names.stream().map(result.tensors()::get).toList(),
                1e-6);
    }

    @Test
    void fewerThanTwoParticlesForSvgdAreRefusedNamingTheField() {
        var params = ConfigMappers.json().createObjectNode().put("particles", 1);
        LearnerContext context = SinusoidTasks.context(1);
        assertThatThrownBy(() -> RunComponents.createLearner(new BmamlProvider(), params, context, "run.yaml"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("learner.params.particles: Stein variational gradient descent needs at least"
                        + " 2 particles, got 1");
        assertThat(RunComponents.createLearner(new EnsembleMamlProvider(), params, context, "run.yaml")).isNotNull();
        assertThat(ConfigBinder.bindParams(new BmamlProvider(), null, "learner.params", null).metaLoss())
                .isEqualTo(BayesianMamlConfig.MetaLoss.CHASER);
    }

    @Test
    void regressionPredictionsCarryAVarianceAndClassificationAveragesProbabilities() {
        BayesianMamlLearner regression = BayesianMamlLearner.create(config(3, BayesianMamlConfig.MetaLoss.CHASER,
                0), SinusoidTasks.context(5), BayesianMamlLearner.Variant.BMAML, DataType.FLOAT);
        regression.step(SinusoidTasks.batch(2, 0, 2, 5, 5));
        Task task = SinusoidTasks.task(4, 5, 8);
        Examples support = new Examples(task.support().x().castTo(DataType.FLOAT),
                task.support().y().castTo(DataType.FLOAT));
        UncertainPredictor p = regression.adapter().adapt(support, TaskType.REGRESSION, 1);
        UncertainPredictor.Predictive r = p.predictive(task.query().x().castTo(DataType.FLOAT));
        assertThat(r.mean().shape()).containsExactly(8, 1);
        assertThat(r.variance().minNumber().doubleValue()).isGreaterThan(0.0);
        assertThat(p.predict(task.query().x().castTo(DataType.FLOAT))).isEqualTo(r.mean());

        LearnerContext images = new LearnerContext(new long[] {4}, TaskType.CLASSIFICATION, 3, 3, 1,
                Optional.empty());
        BayesianMamlLearner classifier = BayesianMamlLearner.create(new BayesianMamlConfig(4,
                MamlConfig.Order.FIRST, 1, 0.5, 1, BayesianMamlConfig.MetaLoss.QUERY, 1, 0, 1.0, BackboneSpec.mlp(5),
                MetaOptimizerConfig.defaults(), 0, 1), images, BayesianMamlLearner.Variant.ENSEMBLE, DataType.FLOAT);
        Examples labelled = new Examples(Nd4j.rand(DataType.FLOAT, 6, 4), Nd4j.createFromArray(0, 1, 2, 0, 1, 2));
        UncertainPredictor c = classifier.adapter().adapt(labelled, TaskType.CLASSIFICATION, 3);
        INDArray probabilities = c.predictive(labelled.x()).mean();
        for (double total : probabilities.sum(1).toDoubleVector()) {
            assertThat(total).isCloseTo(1.0, within(1e-5));
        }
        assertThat(c.predict(labelled.x()).argMax(1)).isEqualTo(probabilities.argMax(1));
    }
}

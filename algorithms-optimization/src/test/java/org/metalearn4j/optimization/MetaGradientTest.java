package org.metalearn4j.optimization;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.metalearn4j.core.learner.InnerLoop;
import org.metalearn4j.core.nn.BackboneSpec;
import org.metalearn4j.core.nn.ForwardContext;
import org.metalearn4j.core.nn.Losses;
import org.metalearn4j.core.nn.Module;
import org.metalearn4j.core.nn.Params;
import org.metalearn4j.core.state.StateDict;
import org.metalearn4j.core.task.Task;
import org.metalearn4j.core.tensor.Autograd;
import org.metalearn4j.core.tensor.Tensor;
import org.metalearn4j.core.testing.GradCheck;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The update a learner applies in one meta-step (plain SGD with learning rate 1, so the update is minus the
 * meta-gradient) against float64 central differences of the post-adaptation query loss, computed here by an
 * independent inner loop, for MAML, ANIL and Meta-SGD with 1 and 2 inner steps; and FOMAML's update must differ.
 */
class MetaGradientTest {
    private static final double INNER_LR = 0.05;

    private static MamlConfig config(MamlConfig.Order order, int steps) {
        return new MamlConfig(order, steps, INNER_LR, steps, BackboneSpec.mlp(4, 3),
                new MetaOptimizerConfig(MetaOptimizerConfig.Kind.SGD, 1.0), 0, 1);
    }

    /** What one meta-step subtracted from every meta-parameter: the meta-gradient. */
    private static StateDict metaStep(GradientMetaLearner learner, Task task) {
        StateDict before = learner.state().withPrefix("params.");
        learner.step(List.of(task));
        StateDict after = learner.state().withPrefix("params.");
        StateDict grad = new StateDict();
        for (String n : before.names()) {
            grad.put(n, before.get(n).sub(after.get(n)));
        }
        return grad;
    }

    /** Query MSE after {@code steps} inner SGD steps on the support set, written out independently of InnerLoop. */
    private static double postAdaptationLoss(Module net, List<String> names, List<INDArray> values,
                                             GradientMetaLearner.Variant variant, Task task, int steps) {
        List<Tensor> weights = new ArrayList<>();
        List<INDArray> alpha = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).startsWith("alpha.")) {
                alpha.add(values.get(i));
            } else {
                weights.add(Tensor.variable(values.get(i)));
            }
        }
        List<String> weightNames = names.subList(0, weights.size());
        Tensor xs = Tensor.constant(task.support().x());
        Tensor ys = Tensor.constant(task.support().y());
        for (int s = 0; s < steps; s++) {
            Tensor loss = Losses.mse(net.forward(Params.of(weightNames, weights), xs, ForwardContext.training(0)), ys);
            List<Tensor> g = Autograd.grad(loss, weights, false);
            List<Tensor> next = new ArrayList<>();
            for (int i = 0; i < weights.size(); i++) {
                boolean adapted = variant != GradientMetaLearner.Variant.ANIL || weightNames.get(i).startsWith("head.");
                INDArray lr = variant == GradientMetaLearner.Variant.META_SGD ? alpha.get(i)
                        : g.get(i).value().ulike().assign(INNER_LR);
                next.add(adapted ? Tensor.variable(weights.get(i).value().sub(g.get(i).value().mul(lr)))
                        : weights.get(i));
            }
            weights = next;
        }
        return Losses.mse(net.forward(Params.of(weightNames, weights), Tensor.constant(task.query().x()),
                ForwardContext.training(0)), Tensor.constant(task.query().y())).item();
    }

    @ParameterizedTest(name = "{0}, {1} inner steps")
    @CsvSource({"MAML, 1", "MAML, 2", "ANIL, 2", "META_SGD, 2"})
    void secondOrderUpdateIsTheExactMetaGradient(GradientMetaLearner.Variant variant, int steps) {
        Task task = SinusoidTasks.task(42, 5, 7);
        GradientMetaLearner learner = GradientMetaLearner.create(config(MamlConfig.Order.SECOND, steps),
                SinusoidTasks.context(3), variant, DataType.DOUBLE);
        StateDict init = learner.state().withPrefix("params.");
        List<String> names = new ArrayList<>(init.names());
        List<INDArray> values = names.stream().map(init::get).toList();
        List<INDArray> analytic = names.stream().map(metaStep(learner, task)::get).toList();

        Module net = learner.model().whole();
        Function<List<INDArray>, Double> objective = vs -> postAdaptationLoss(net, names, vs, variant, task, steps);
        GradCheck.matchesFiniteDifferences(objective, values, analytic, 1e-6);

        GradientMetaLearner firstOrder = GradientMetaLearner.create(config(MamlConfig.Order.FIRST, steps),
                SinusoidTasks.context(3), variant, DataType.DOUBLE);
        StateDict approx = metaStep(firstOrder, task);
        double worst = 0;
        for (int i = 0; i < names.size(); i++) {
            worst = Math.max(worst, GradCheck.maxRelativeError(approx.get(names.get(i)), analytic.get(i)));
        }
        assertThat(worst).as("the first-order update must differ from the exact meta-gradient").isGreaterThan(1e-4);
    }
}

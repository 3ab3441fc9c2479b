package org.metalearn4j.optimization;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
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

/** Reptile's update against {@code theta + epsilon * (phi - theta)} with phi computed here by plain SGD. */
class ReptileUpdateTest {
    private static final double INNER_LR = 0.02;
    private static final double EPSILON = 0.3;
    private static final int STEPS = 3;

    private static ReptileLearner learner(boolean batched, int taskThreads) {
        return ReptileLearner.create(new ReptileConfig(STEPS, INNER_LR, EPSILON, batched, STEPS,
                BackboneSpec.mlp(5, 4), taskThreads), SinusoidTasks.context(8), DataType.DOUBLE);
    }

    /** Weights after {@code STEPS} SGD steps on the support MSE, from {@code start}. */
    private static List<INDArray> adapted(Module net, List<String> names, List<INDArray> start, Task task) {
        List<INDArray> w = start;
        for (int s = 0; s < STEPS; s++) {
            List<Tensor> vars = w.stream().map(Tensor::variable).toList();
            Tensor loss = Losses.mse(net.forward(Params.of(names, vars), Tensor.constant(task.support().x()),
                    ForwardContext.training(0)), Tensor.constant(task.support().y()));
            List<Tensor> g = Autograd.grad(loss, vars, false);
            List<INDArray> next = new ArrayList<>();
            for (int i = 0; i < w.size(); i++) {
                next.add(w.get(i).sub(g.get(i).value().mul(INNER_LR)));
            }
            w = next;
        }
        return w;
    }

    private static List<INDArray> values(ReptileLearner learner, List<String> names) {
        StateDict p = learner.state().withPrefix("params.");
        return names.stream().map(p::get).toList();
    }

    private static void assertSame(List<INDArray> actual, List<INDArray> expected) {
        for (int i = 0; i < expected.size(); i++) {
            assertThat(GradCheck.maxRelativeError(actual.get(i), expected.get(i))).isLessThan(1e-12);
        }
    }

    @Test
    void serialUpdateMovesTowardsEachTaskInTurn() {
        ReptileLearner learner = learner(false, 1);
        List<String> names = List.copyOf(learner.state().withPrefix("params.").names());
        List<Task> batch = SinusoidTasks.batch(5, 0, 2, 6, 4);
        List<INDArray> theta = values(learner, names);
        for (Task task : batch) {
            List<INDArray> phi = adapted(learner.model().whole(), names, theta, task);
            List<INDArray> next = new ArrayList<>();
            for (int i = 0; i < theta.size(); i++) {
                next.add(theta.get(i).add(phi.get(i).sub(theta.get(i)).mul(EPSILON)));
            }
            theta = next;
        }
        learner.step(batch);
        assertSame(values(learner, names), theta);
    }

    @ParameterizedTest(name = "{0} task threads")
    @ValueSource(ints = {1, 3})
    void batchedUpdateMovesTowardsTheMeanOfTheAdaptedWeights(int taskThreads) {
        ReptileLearner learner = learner(true, taskThreads);
        List<String> names = List.copyOf(learner.state().withPrefix("params.").names());
        List<Task> batch = SinusoidTasks.batch(6, 0, 3, 6, 4);
        List<INDArray> theta = values(learner, names);
        List<INDArray> expected = new ArrayList<>();
        for (INDArray t : theta) {
            expected.add(t.dup());
        }
        for (Task task : batch) {
            List<INDArray> phi = adapted(learner.model().whole(), names, theta, task);
            for (int i = 0; i < theta.size(); i++) {
                expected.get(i).addi(phi.get(i).sub(theta.get(i)).mul(EPSILON / batch.size()));
            }
        }
        learner.step(batch);
        assertSame(values(learner, names), expected);
    }
}

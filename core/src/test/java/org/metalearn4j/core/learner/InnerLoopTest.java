package org.metalearn4j.core.learner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.metalearn4j.core.nn.Params;
import org.metalearn4j.core.optim.UpdateRule;
import org.metalearn4j.core.state.StateDict;
import org.metalearn4j.core.tensor.Autograd;
import org.metalearn4j.core.tensor.Tensor;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

class InnerLoopTest {

    /**
     * A loss that changes per step, {@code (w - target_s)^2}: the loop must hand each step the current fast weights
     * and its index, and differentiate through the steps when asked.
     */
    @Test
    void aPerStepLossSeesTheCurrentWeightsAndStepIndex() {
        double[] targets = {1.0, -2.0, 0.5};
        List<Double> seen = new ArrayList<>();
        Tensor w = Tensor.variable(Nd4j.scalar(DataType.DOUBLE, 3.0).reshape(1));
        Params fast = InnerLoop.adapt(Params.of(Map.of("w", w)), (p, step) -> {
            seen.add(p.get("w").value().getDouble(0));
            return p.get("w").sub(targets[step]).square().sum();
        }, UpdateRule.sgd(0.25), 3, true);
        // w <- w - 0.25 * 2 (w - t) = (w + t) / 2
        assertThat(seen).containsExactly(3.0, 2.0, 0.0);
        assertThat(fast.get("w").value().getDouble(0)).isEqualTo(0.25);
        // d w3 / d w0 = 1/8 through three halvings
        assertThat(Autograd.grad(fast.get("w").sum(), List.of(w), false).get(0).value().getDouble(0))
                .isCloseTo(0.125, within(1e-15));
    }

    @Test
    void meanOfResultsIsSummedInTaskOrderAndExtrasAreAveraged() {
        List<TaskResult> results = List.of(result(1, 0.5, 2), result(3, 1.5, 4), result(8, 1.0, 6));
        assertThat(TaskResults.mean(results, List.of("g"))[0].getDouble(0)).isEqualTo((1.0 + 3.0 + 8.0) / 3);
        StepMetrics m = TaskResults.metrics(results, Map.of("norm", 7.0));
        assertThat(m.loss()).isEqualTo(1.0);
        assertThat(m.extras()).containsEntry("x", 4.0).containsEntry("norm", 7.0);
        assertThat(results.get(0).tensors().get("g").getDouble(0)).as("inputs untouched").isEqualTo(1.0);
    }

    private static TaskResult result(double g, double loss, double extra) {
        return new TaskResult(new StateDict().put("g", Nd4j.createFromArray(g)), loss, 0, Map.of("x", extra));
    }
}

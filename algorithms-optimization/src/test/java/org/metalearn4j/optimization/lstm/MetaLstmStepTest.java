package org.metalearn4j.optimization.lstm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.metalearn4j.core.nn.LstmCell;
import org.metalearn4j.core.nn.Params;
import org.metalearn4j.core.tensor.Autograd;
import org.metalearn4j.core.tensor.Tensor;
import org.metalearn4j.core.testing.GradCheck;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The fused step against the same step in Tensor ops, on enough coordinates that both passes walk several blocks of
 * rows (the last one short), and against finite differences on a few coordinates.
 */
class MetaLstmStepTest {
    private static final int HIDDEN = 3;
    private static final List<String> WEIGHTS = List.of("lstm.weight_ih", "lstm.weight_hh", "lstm.bias_ih",
            "lstm.bias_hh", "forget.weight", "forget.bias", "input.weight", "input.bias");

    private final MetaLstm lstm = new MetaLstm(HIDDEN, 10.0);
    private final MetaLstmStep step = new MetaLstmStep(new LstmCell(4, HIDDEN), new LogAndSign(10.0));

    /** theta, grad (some below the preprocessing threshold), loss, a nonzero state, then the weights. */
    private List<INDArray> inputs(long n) {
        List<INDArray> in = new ArrayList<>();
        in.add(GradCheck.random(1, n, 1));
        INDArray grad = GradCheck.awayFromZero(2, 1e-3, 1.0, n, 1);
        for (long r = 0; r < n; r += 7) {
            grad.putScalar(r, 0, 1e-6 * (r % 2 == 0 ? 1 : -1));
        }
        in.add(grad);
        in.add(GradCheck.positive(3, 0.2, 2.0, 1, 1));
        in.add(GradCheck.random(4, n, step.width()).mul(0.5));
        Params weights = lstm.init(5, DataType.DOUBLE);
        for (int k = 0; k < WEIGHTS.size(); k++) {
            in.add(weights.get(WEIGHTS.get(k)).value().add(GradCheck.random(6 + k, weights.get(WEIGHTS.get(k))
                    .shape()).mul(0.3)));
        }
        return in;
    }

    private static MetaLstmStep.Output fused(MetaLstmStep step, List<Tensor> xs) {
        return step.apply(xs.get(0), xs.get(1), xs.get(2), xs.get(3), Params.of(WEIGHTS, xs.subList(4, xs.size())));
    }

    /** Both outputs side by side, for the finite-difference checks of one tensor. */
    private static Tensor fusedJoined(MetaLstmStep step, List<Tensor> xs) {
        MetaLstmStep.Output out = fused(step, xs);
        return Tensor.concat(1, List.of(out.theta(), out.state()));
    }

    @Test
    void fusedForwardAndFirstOrderBackwardEqualTheStepInTensorOpsOverSeveralBlocks() {
        long n = 200_000; // 87,381 rows per block at H = 3: two full blocks and a short one
        List<Tensor> xs = inputs(n).stream().map(Tensor::variable).toList();
        MetaLstmStep.Output out = fused(step, xs);
        List<Tensor> reference = step.unfused(xs.toArray(new Tensor[0]));
        assertThat(maxDifference(out.theta().value(), reference.get(0).value())).isLessThan(1e-12);
        assertThat(maxDifference(out.state().value(), reference.get(1).value())).isLessThan(1e-12);

        List<Tensor> weighting = List.of(Tensor.constant(GradCheck.random(7, n, 1)),
                Tensor.constant(GradCheck.random(8, out.state().shape())));
        List<Tensor> got = Autograd.grad(List.of(out.theta(), out.state()), weighting, xs, false, false);
        List<Tensor> want = Autograd.grad(reference, weighting, xs, false, false);
        for (int k = 0; k < xs.size(); k++) {
            double scale = Math.max(1.0, want.get(k).value().amaxNumber().doubleValue());
            assertThat(maxDifference(got.get(k).value(), want.get(k).value()) / scale)
                    .as("gradient of input %d", k).isLessThan(1e-10);
        }
    }

    @Test
    void fusedStepMatchesFiniteDifferencesToSecondOrder() {
        // p = 3: below the threshold a gradient enters scaled by e^p, and e^10 times the difference step would leave
        // finite differences nothing but truncation error; with p = 3 rows lie on both sides of the threshold (e^-3)
        MetaLstmStep small = new MetaLstmStep(new LstmCell(4, HIDDEN), new LogAndSign(3.0));
        List<INDArray> in = inputs(6);
        GradCheck.firstOrder(xs -> fusedJoined(small, xs), in);
        GradCheck.secondOrder(xs -> fusedJoined(small, xs), in);
        // the new parameters alone: the state output's gradient is zero
        GradCheck.firstOrder(xs -> fused(small, xs).theta(), in);
        GradCheck.secondOrder(xs -> fused(small, xs).theta(), in);
    }

    private static double maxDifference(INDArray a, INDArray b) {
        return a.sub(b).amaxNumber().doubleValue();
    }
}

package org.metalearn4j.core.nn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.metalearn4j.core.optim.UpdateRule;
import org.metalearn4j.core.tensor.Tensor;
import org.metalearn4j.core.testing.GradCheck;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The exact second-order MAML meta-gradient (gradient of the query loss after k differentiable inner SGD steps on the
 * support loss) against central differences of the whole inner-loop objective, in float64, and against the
 * first-order approximation, which must differ.
 */
class MamlMetaGradientTest {
    private static final double INNER_LR = 0.3;

    /** Query loss after {@code steps} inner steps from {@code init}; inner gradients differentiable iff createGraph. */
    private static Tensor metaLoss(Module model, Params init, Function<Tensor, Tensor> supportLoss,
                                   Function<Tensor, Tensor> queryLoss, Tensor xs, Tensor xq, int steps,
                                   boolean createGraph) {
        Params fast = init;
        ForwardContext ctx = ForwardContext.training(3);
        for (int s = 0; s < steps; s++) {
            Tensor loss = supportLoss.apply(model.forward(fast, xs, ctx));
            fast = UpdateRule.sgd(INNER_LR).step(fast, fast.grad(loss, createGraph), loss, Params.empty()).params();
        }
        return queryLoss.apply(model.forward(fast, xq, ctx));
    }

    private static void check(Module model, Function<Tensor, Tensor> supportLoss, Function<Tensor, Tensor> queryLoss,
                              Tensor xs, Tensor xq, int steps) {
        Params init = model.init(11, DataType.DOUBLE);
        List<String> names = init.names();
        List<INDArray> values = init.tensors().stream().map(Tensor::value).toList();
        Function<List<Tensor>, Tensor> exact = ps -> metaLoss(model, Params.of(names, ps), supportLoss, queryLoss,
                xs, xq, steps, true);
        GradCheck.firstOrder(exact, values, 1e-6);

        Params firstOrder = init.grad(metaLoss(model, init, supportLoss, queryLoss, xs, xq, steps, false), false);
        Params secondOrder = init.grad(metaLoss(model, init, supportLoss, queryLoss, xs, xq, steps, true), false);
        double worst = 0;
        for (String n : names) {
            worst = Math.max(worst, GradCheck.maxRelativeError(firstOrder.get(n).value(),
                    secondOrder.get(n).value()));
        }
        assertThat(worst).as("first-order MAML must differ from the exact meta-gradient").isGreaterThan(1e-4);
    }

    @ParameterizedTest(name = "{0} inner steps")
    @ValueSource(ints = {1, 3})
    void mlpRegression(int steps) {
        Module mlp = Mlp.of(Activation::tanh, 2, 4, 4, 1);
        Tensor xs = Tensor.constant(GradCheck.random(1, 5, 2));
        Tensor ys = Tensor.constant(GradCheck.random(2, 5, 1));
        Tensor xq = Tensor.constant(GradCheck.random(3, 4, 2));
        Tensor yq = Tensor.constant(GradCheck.random(4, 4, 1));
        check(mlp, p -> Losses.mse(p, ys), p -> Losses.mse(p, yq), xs, xq, steps);
    }

    @ParameterizedTest(name = "{0} inner steps")
    @ValueSource(ints = {1, 3})
    void convNetWithBatchNormClassification(int steps) {
        Module net = Sequential.of(new Conv2d(1, 1, 3, 1), new BatchNorm2d(1), Activation.relu(), new MaxPool2d(2),
                new Flatten(), new Linear(4, 2));
        Tensor xs = Tensor.constant(GradCheck.random(5, 3, 1, 4, 4));
        Tensor xq = Tensor.constant(GradCheck.random(6, 3, 1, 4, 4));
        check(net, p -> Losses.crossEntropy(p, new int[] {0, 1, 1}), p -> Losses.crossEntropy(p, new int[] {1, 0, 1}),
                xs, xq, steps);
    }
}

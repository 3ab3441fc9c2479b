package org.metalearn4j.optimization;

import java.util.ArrayList;
import java.util.List;
import org.metalearn4j.core.nn.ForwardContext;
import org.metalearn4j.core.nn.Module;
import org.metalearn4j.core.nn.Params;
import org.metalearn4j.core.tensor.Tensor;

/**
 * The one inner-loop adaptation routine every learner of this module uses, in meta-training and at evaluation:
 * {@code steps} gradient steps {@code p <- p - step(p, grad)} on a task's support loss.
 *
 * <p>With {@code createGraph} the inner gradients are themselves recorded, so differentiating a loss of the returned
 * weights gives the exact (second-order) meta-gradient. Without it the gradients are constants: the returned weights
 * still depend on the starting weights (with identity Jacobian) and on learned step sizes, which is the first-order
 * approximation.
 */
final class InnerLoop {
    private InnerLoop() {
    }

    /**
     * Adapts {@code start} to the support set.
     *
     * @param net   the part of the network being adapted
     * @param start its starting weights (leaf variables or a differentiable function of them)
     * @param x     the part's input: raw support inputs, or features from a frozen body (ANIL), computed once
     * @param ctx   one context per task, so batch-norm statistics are the task's own
     */
    static Params adapt(Module net, Params start, Tensor x, TaskLoss support, StepSize step, int steps,
                        boolean createGraph, ForwardContext ctx) {
        Params fast = start;
        for (int s = 0; s < steps; s++) {
            Tensor loss = support.loss(net.forward(fast, x, ctx));
            Params grads = fast.grad(loss, createGraph);
            List<String> names = fast.names();
            List<Tensor> next = new ArrayList<>(names.size());
            for (String n : names) {
                Tensor p = fast.get(n);
                next.add(grads.contains(n) ? p.sub(step.scale(n, grads.get(n))) : p);
            }
            fast = Params.of(names, next);
        }
        return fast;
    }
}

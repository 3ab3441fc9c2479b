package org.metalearn4j.core.learner;

import org.metalearn4j.core.nn.ForwardContext;
import org.metalearn4j.core.nn.Module;
import org.metalearn4j.core.nn.Params;
import org.metalearn4j.core.optim.UpdateRule;
import org.metalearn4j.core.tensor.Tensor;

/**
 * The inner loop of optimization-based meta-learning, in meta-training and at evaluation: {@code steps} steps of an
 * {@link UpdateRule} on a task's support loss. Every gradient-based learner adapts with it.
 *
 * <p>With {@code createGraph} the inner gradients are themselves recorded, so differentiating a loss of the returned
 * weights gives the exact (second-order) meta-gradient. Without it the gradients are constants: the returned weights
 * still depend on the starting weights (with identity Jacobian) and on what the rule learns (step sizes), which is the
 * first-order approximation.
 */
public final class InnerLoop {
    private InnerLoop() {
    }

    /**
     * Adapts {@code start} to the support set.
     *
     * @param net   the part of the network being adapted
     * @param start its starting weights (leaf variables or a differentiable function of them)
     * @param x     the part's input: raw support inputs, or backbone features (ANIL), computed once
     * @param rule  the update, e.g. {@code UpdateRule.sgd(lr)}
     * @param steps how many updates
     * @param createGraph record the inner gradients, for exact second-order meta-gradients
     * @param ctx   one context per task, so batch-norm statistics are the task's own
     */
    public static Params adapt(Module net, Params start, Tensor x, TaskLoss support, UpdateRule rule, int steps,
                        boolean createGraph, ForwardContext ctx) {
        return adapt(start, (fast, step) -> support.loss(net.forward(fast, x, ctx)), rule, steps, createGraph);
    }

    /**
     * Adapts {@code start} with any differentiable loss of the weights, which may change from step to step: a
     * policy-gradient learner samples new trajectories with the current fast weights before each step; MetaGAN's
     * classifier adapts on real support examples and generated ones.
     *
     * @param loss        the loss of step {@code step} as a function of the current fast weights
     * @param createGraph record the inner gradients, for exact second-order meta-gradients
     */
    public static Params adapt(Params start, StepLoss loss, UpdateRule rule, int steps, boolean createGraph) {
        Params fast = start;
        Params state = rule.initialState(start);
        for (int s = 0; s < steps; s++) {
            Tensor value = loss.loss(fast, s);
            UpdateRule.Step step = rule.step(fast, fast.grad(value, createGraph), value, state);
            fast = step.params();
            state = step.state();
        }
        return fast;
    }

    /** The scalar loss of one inner step. */
    @FunctionalInterface
    public interface StepLoss {
        /**
         * @param fast the fast weights before this step
         * @param step the step's index, from 0
         */
        Tensor loss(Params fast, int step);
    }
}

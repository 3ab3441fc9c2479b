package org.metalearn4j.optimization.learned;

import org.metalearn4j.core.nn.Params;
import org.metalearn4j.core.optim.UpdateRule;
import org.metalearn4j.core.tensor.Tensor;

/**
 * An optimization in progress: the parameters after {@link #step()} updates of a rule, and the rule's
 * state. Each {@link #advance()} evaluates the loss on the current minibatch and updates once; a loss that is not
 * finite stops it with an error naming the step. The rule's learned weights may change between steps (a meta-update
 * between truncations writes them in place).
 */
public final class Trajectory {
    private final StepObjective objective;
    private final UpdateRule rule;
    private final boolean createGraph;
    private Params params;
    private Params state;
    private int step;

    /**
     * @param objective   the loss at each step (an {@link OptimizationProblem})
     * @param start       the problem's initial parameters (leaf variables)
     * @param createGraph record the gradients, for exact meta-gradients through them
     */
    public Trajectory(StepObjective objective, UpdateRule rule, Params start, boolean createGraph) {
        this.objective = objective;
        this.rule = rule;
        this.createGraph = createGraph;
        this.params = start;
        this.state = rule.initialState(start);
    }

    /** The loss on the current step's minibatch, then one update; returns that loss. */
    public Tensor advance() {
        Tensor loss = loss();
        UpdateRule.Step next = rule.step(params, params.grad(loss, createGraph), loss, state);
        params = next.params();
        state = next.state();
        step++;
        return loss;
    }

    /** The loss of the current parameters on the current step's minibatch, checked to be finite. */
    public Tensor loss() {
        Tensor loss = objective.loss(params, step);
        double value = loss.item();
        if (!Double.isFinite(value)) {
            throw new IllegalStateException("the optimizee loss is " + value + " at step " + step);
        }
        return loss;
    }

    /** Cuts the parameters and state off from the graph: the start of the next truncation. */
    public void detach() {
        params = params.map(t -> t.requiresGrad() ? t.detachVariable() : t);
        state = state.map(Tensor::detach);
    }

    /** The current parameters. */
    public Params params() {
        return params;
    }

    /** Updates done. */
    public int step() {
        return step;
    }
}

package org.metalearn4j.core.optim;

import org.metalearn4j.core.nn.Params;
import org.metalearn4j.core.tensor.Tensor;

/**
 * A differentiable update of fast weights, the inner loop of optimization-based meta-learners (learn2learn's
 * {@code ParameterUpdate}): {@code (params, grads, loss, state) -> (params', state')}, written in {@link Tensor} ops so
 * that a meta-objective of the result can be differentiated through every step, with respect to the starting weights
 * and to whatever the rule itself learns (Meta-SGD's per-entry rates, a learned optimizer's weights).
 *
 * <p>Unlike an {@link Optimizer}, a rule never writes into buffers: it returns new tensors. Rules that carry state
 * from step to step (momentum, an LSTM's hidden and cell states) keep it in the returned {@link Step#state()}, named
 * tensors like the parameters; stateless rules return the empty {@link Params}. A rule with learned parameters is
 * constructed around the current tensors of those parameters each time it is used.
 */
public interface UpdateRule {

    /** The state before the first step, for {@code params}; stateless rules have none. */
    default Params initialState(Params params) {
        return Params.empty();
    }

    /**
     * One step. Parameters without an entry in {@code grads} (frozen ones) are returned unchanged.
     *
     * @param params the current fast weights
     * @param grads  the loss's gradient, named like {@code params}; differentiable when the caller recorded it
     * @param loss   the scalar loss the gradients are of (rules that read it, such as an LSTM meta-learner's)
     * @param state  what the previous step returned, or {@link #initialState} before the first
     */
    Step step(Params params, Params grads, Tensor loss, Params state);

    /**
     * What one step returns.
     *
     * @param params the new fast weights, under the same names
     * @param state  the rule's state for the next step
     */
    record Step(Params params, Params state) {
    }

    /** Plain gradient descent {@code p - lr * g} with one fixed rate (MAML, ANIL, Reptile). */
    static UpdateRule sgd(double lr) {
        return new SgdRule(lr);
    }

    /**
     * {@code p - alpha[name] * g} with a learned rate per entry (Meta-SGD, Li et al. 2017): differentiable in
     * {@code rates}, which are named like the parameters they scale.
     */
    static UpdateRule learnedRates(Params rates) {
        return new LearnedRatesRule(rates);
    }

    /**
     * {@code rule}'s steps with every returned tensor cut off from the graph: for adaptation that nothing
     * differentiates through (evaluation), so a long inner loop keeps one step's graph alive instead of all of them.
     * The parameters come back as fresh leaf variables, so the next step's gradient can still be taken.
     */
    static UpdateRule detached(UpdateRule rule) {
        return new DetachedRule(rule);
    }
}

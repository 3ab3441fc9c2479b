package org.metalearn4j.core.learner;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.metalearn4j.core.backend.StepArena;
import org.metalearn4j.core.nn.Params;
import org.metalearn4j.core.optim.GradClip;
import org.metalearn4j.core.optim.Optimizer;
import org.metalearn4j.core.state.StateDict;
import org.metalearn4j.core.tensor.Autograd;
import org.metalearn4j.core.tensor.Tensor;

/**
 * The two halves of a {@link TaskwiseLearner} whose update is "the mean meta-gradient, applied by an optimizer":
 * {@link #of} turns one task's meta-objective into its {@link TaskResult}, {@link #apply} sums a meta-batch's results
 * in task order and steps the {@link TrainingState}. Every such learner (the MAML family, learned optimizers,
 * Bayesian MAML) shares them, so their updates are combined identically wherever the tasks ran.
 */
public final class MetaGradients {
    /** The {@link StepMetrics#extras()} key of the mean meta-gradient's global L2 norm, before clipping. */
    public static final String NORM = "metaGradNorm";

    private MetaGradients() {
    }

    /**
     * One task's result: the gradient of {@code objective} with respect to every tensor of {@code meta} (zero where
     * it does not depend on one), copied out of any open {@link StepArena}.
     *
     * @param loss   the task's query loss as reported (often the objective's value)
     * @param metric its accuracy or MSE
     */
    public static TaskResult of(Params meta, Tensor objective, double loss, double metric,
                                Map<String, Double> extras) {
        List<Tensor> grads = Autograd.grad(List.of(objective), null, meta.tensors(), false, true);
        StateDict gradient = StepArena.outside(() -> meta.withTensors(grads).toStateDict());
        return new TaskResult(gradient, loss, metric, extras);
    }

    /** The mean of the results' gradients, named like {@code meta}, summed in task order ({@link TaskResults}). */
    public static Params mean(Params meta, List<TaskResult> results) {
        return meta.withTensors(Arrays.stream(TaskResults.mean(results, meta.names())).map(Tensor::constant).toList());
    }

    /**
     * One optimizer step of {@code params} with the mean gradient of {@code results}, clipped to the global norm
     * {@code gradClip} when it is positive; for learners that update more than once per training step (after each
     * truncation of an unrolled optimization). Returns the norm before clipping.
     */
    public static double update(Optimizer optimizer, Params params, List<TaskResult> results, double gradClip) {
        Params grads = mean(params, results);
        double norm = GradClip.globalNorm(grads);
        if (gradClip > 0) {
            grads = GradClip.clipByGlobalNorm(grads, gradClip);
        }
        optimizer.step(params, grads);
        return norm;
    }

    /**
     * Applies the mean meta-gradient of {@code results} to {@code state}'s parameters with its optimizer, clipped to
     * the global norm {@code gradClip} when it is positive, and counts the step. The metrics are the tasks' mean loss,
     * metric and extras ({@link TaskResults#metrics}) and {@value #NORM}.
     */
    public static StepMetrics apply(TrainingState state, List<TaskResult> results, double gradClip) {
        double norm = update(state.optimizer(), state.params(), results, gradClip);
        state.stepDone();
        return TaskResults.metrics(results, Map.of(NORM, norm));
    }
}

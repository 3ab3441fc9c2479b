package org.metalearn4j.core.learner;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.metalearn4j.core.nn.ForwardContext;
import org.metalearn4j.core.nn.Params;
import org.metalearn4j.core.nn.RunningStats;
import org.metalearn4j.core.task.Task;
import org.metalearn4j.core.tensor.Tensor;

/**
 * The math of a learner whose meta-parameters are trained by gradient descent on a differentiable loss of whole
 * episodes (model-based and metric learners: a network reads the support set and predicts the query set, no inner
 * optimisation). {@link EpisodeObjectiveLearner} supplies everything else: the optimizer, schedule, clipping, state,
 * checks and resume.
 */
public interface EpisodeObjective {

    /**
     * The loss of a meta-batch (the mean over its episodes, or a loss over the whole batch at once where the model
     * processes episodes together), differentiable in {@code params}.
     *
     * @param ctx training mode, the learner's batch-norm statistics and the step's random stream (latent samples,
     *            dropout, presentation orders): a pure function of the learner's seed and step
     */
    Result loss(Params params, List<Task> batch, ForwardContext ctx);

    /**
     * An adapter predicting with {@code params}, a detached copy of the current parameters, and {@code stats}, a copy
     * of the running statistics; neither changes afterwards.
     */
    Adapter adapter(Params params, RunningStats stats);

    /**
     * A meta-batch's loss.
     *
     * @param loss   the scalar to minimise
     * @param metric accuracy (classification) or MSE (regression) on the query sets, {@code NaN} if not computed
     * @param extras objective-specific scalars for the step event (e.g. a KL term)
     */
    record Result(Tensor loss, double metric, Map<String, Double> extras) {
        public Result {
            Objects.requireNonNull(loss, "loss");
            extras = Map.copyOf(extras);
        }
    }
}

package org.metalearn4j.model.np;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.metalearn4j.core.learner.Adapter;
import org.metalearn4j.core.learner.EpisodeObjective;
import org.metalearn4j.core.nn.ForwardContext;
import org.metalearn4j.core.nn.Params;
import org.metalearn4j.core.nn.RunningStats;
import org.metalearn4j.core.task.Task;
import org.metalearn4j.core.tensor.Tensor;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * A meta-batch's loss for a {@link NeuralProcess}: the mean over its tasks of each task's negative ELBO per target
 * point. Tasks with the same number of points run as one {@link PointBatch} (the protocols here give every task the
 * same number), others in as many batches as there are sizes. The metric is the query MSE of the predictive means;
 * extras are the mean target log-likelihood and, with the latent path, the mean KL term per target point.
 */
final class NeuralProcessObjective implements EpisodeObjective {
    private final NeuralProcess model;
    private final long seed;

    /** @param seed the base of the adapter's latent samples */
    NeuralProcessObjective(NeuralProcess model, long seed) {
        this.model = model;
        this.seed = seed;
    }

    @Override
    public Result loss(Params params, List<Task> batch, ForwardContext ctx) {
        DataType type = params.tensors().get(0).dataType();
        Map<Integer, List<Task>> bySize = new LinkedHashMap<>();
        for (Task task : batch) {
            if (task.support().size() == 0) {
                throw new IllegalArgumentException(task.domain() + ": empty context; a neural process needs at least"
                        + " one support point");
            }
            bySize.computeIfAbsent(task.support().size() + task.query().size(), k -> new ArrayList<>()).add(task);
        }
        Tensor total = null;
        double mse = 0;
        double logLikelihood = 0;
        double kl = 0;
        for (List<Task> group : bySize.values()) {
            NeuralProcess.Terms t = model.terms(params, PointBatch.of(group, model.config().targetsIncludeContext(),
                    model.xDim(), model.yDim(), type), ctx.nextSeed(), ctx);
            double share = (double) group.size() / batch.size();
            total = total == null ? t.loss().mul(share) : total.add(t.loss().mul(share));
            mse += share * t.queryMse();
            logLikelihood += share * t.logLikelihood();
            kl += share * t.kl();
        }
        Map<String, Double> extras = model.config().latentPath()
                ? Map.of("logLikelihood", logLikelihood, "kl", kl) : Map.of("logLikelihood", logLikelihood);
        return new Result(total, mse, extras);
    }

    @Override
    public Adapter adapter(Params params, RunningStats stats) {
        return new NeuralProcessAdapter(model, params, seed);
    }
}

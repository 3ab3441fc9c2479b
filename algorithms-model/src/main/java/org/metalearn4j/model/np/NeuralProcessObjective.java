package org.metalearn4j.model.np;

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
 * point (tasks may have different context sizes, so each is computed on its own). The metric is the query MSE of the
 * predictive means; extras are the mean target log-likelihood and, with the latent path, the mean KL term.
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
        Tensor total = null;
        double mse = 0;
        double logLikelihood = 0;
        double kl = 0;
        for (Task task : batch) {
            if (task.support().size() == 0) {
                throw new IllegalArgumentException(task.domain() + ": empty context; a neural process needs at least"
                        + " one support point");
            }
            NeuralProcess.Terms t = model.terms(params, input(task.support().x(), type), target(task.support().y(),
                    type), input(task.query().x(), type), target(task.query().y(), type), ctx.nextSeed(), ctx);
            total = total == null ? t.loss() : total.add(t.loss());
            mse += t.queryMse();
            logLikelihood += t.logLikelihood();
            kl += t.kl();
        }
        int n = batch.size();
        Map<String, Double> extras = model.config().latentPath()
                ? Map.of("logLikelihood", logLikelihood / n, "kl", kl / n) : Map.of("logLikelihood", logLikelihood / n);
        return new Result(total.div(n), mse / n, extras);
    }

    private Tensor input(org.nd4j.linalg.api.ndarray.INDArray x, DataType type) {
        return model.inputs(Tensor.constant(x.castTo(type)));
    }

    private Tensor target(org.nd4j.linalg.api.ndarray.INDArray y, DataType type) {
        return model.targets(Tensor.constant(y.castTo(type)));
    }

    @Override
    public Adapter adapter(Params params, RunningStats stats) {
        return new NeuralProcessAdapter(model, params, seed);
    }
}

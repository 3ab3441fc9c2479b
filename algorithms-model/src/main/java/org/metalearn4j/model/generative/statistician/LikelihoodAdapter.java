package org.metalearn4j.model.generative.statistician;

import org.metalearn4j.core.learner.Adapter;
import org.metalearn4j.core.learner.Predictor;
import org.metalearn4j.core.nn.ForwardContext;
import org.metalearn4j.core.nn.Params;
import org.metalearn4j.core.nn.RunningStats;
import org.metalearn4j.core.task.ClassSets;
import org.metalearn4j.core.task.Examples;
import org.metalearn4j.core.task.TaskType;
import org.metalearn4j.core.tensor.Autograd;
import org.metalearn4j.core.tensor.Scope;
import org.metalearn4j.core.tensor.Tensor;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Few-shot classification with a {@link Statistician} as a generative classifier: a query's logit for a class is its
 * conditional ELBO (latents at their means) as a new example of that class's support set. The support features are
 * computed once per episode; the adapter works on its own snapshot of the parameters and statistics.
 */
final class LikelihoodAdapter implements Adapter {
    private final Statistician model;
    private final Params params;
    private final RunningStats stats;
    private final DataType type;

    LikelihoodAdapter(Statistician model, Params params, RunningStats stats) {
        this.model = model;
        this.params = params;
        this.stats = stats;
        this.type = params.tensors().get(0).dataType();
    }

    @Override
    public Predictor adapt(Examples support, TaskType taskType, int ways) {
        if (taskType != TaskType.CLASSIFICATION) {
            throw new IllegalArgumentException("neural-statistician classifies; got a " + taskType + " task");
        }
        Tensor supportFeatures;
        try (Scope noGrad = Autograd.noGrad()) {
            supportFeatures = model.features(params, Tensor.constant(ClassSets.of(support, null, ways, type,
                    "support")), evaluation());
        }
        return x -> {
            try (Scope noGrad = Autograd.noGrad()) {
                INDArray typed = x.castTo(type);
                long[] shape = typed.shape();
                long[] asSet = new long[shape.length + 1];
                asSet[0] = 1;
                System.arraycopy(shape, 0, asSet, 1, shape.length);
                Tensor query = model.features(params, Tensor.constant(typed.reshape(asSet)), evaluation());
                return model.scores(params, supportFeatures, query.reshape(shape[0], query.shape()[2]), typed)
                        .value();
            }
        };
    }

    private ForwardContext evaluation() {
        return new ForwardContext(false, stats, 0);
    }
}

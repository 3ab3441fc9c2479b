package org.metalearn4j.core.nn.metric;

import org.metalearn4j.core.learner.Adapter;
import org.metalearn4j.core.learner.EmbeddingAdapter;
import org.metalearn4j.core.learner.Predictor;
import org.metalearn4j.core.nn.ForwardContext;
import org.metalearn4j.core.nn.Params;
import org.metalearn4j.core.nn.RunningStats;
import org.metalearn4j.core.task.Examples;
import org.metalearn4j.core.task.TaskType;
import org.metalearn4j.core.tensor.Autograd;
import org.metalearn4j.core.tensor.Scope;
import org.metalearn4j.core.tensor.Tensor;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Adaptation of a metric learner: embed the support set once (evaluation mode, no gradients), then score queries with
 * the head. Works on a private snapshot of the parameters and batch-norm statistics, so it neither sees nor causes
 * later changes to the learner. In evaluation mode batch norm uses its running statistics, so each example's embedding
 * depends on that example alone: an evaluation may embed a split once ({@link EmbeddingAdapter}).
 */
public final class MetricAdapter implements EmbeddingAdapter {
    private final MetricModel model;
    private final Params params;
    private final RunningStats stats;

    /**
     * @param params the learner's parameters, copied by the caller (the adapter never writes them)
     * @param stats  a copy of its batch-norm running statistics, used in evaluation mode
     */
    public MetricAdapter(MetricModel model, Params params, RunningStats stats) {
        this.model = model;
        this.params = params;
        this.stats = stats;
    }

    @Override
    public Predictor adapt(Examples support, TaskType type, int ways) {
        requireClassification(type);
        Predictor onEmbedded = onEmbeddings().adapt(new Examples(embed(support.x()), support.y()), type, ways);
        return x -> onEmbedded.predict(embed(x));
    }

    @Override
    public INDArray embed(INDArray x) {
        try (Scope s = Autograd.noGrad()) {
            INDArray typed = x.castTo(params.tensors().get(0).dataType());
            return model.embed(params, Tensor.constant(typed), new ForwardContext(false, stats, 0)).value();
        }
    }

    @Override
    public Adapter onEmbeddings() {
        return (support, type, ways) -> {
            requireClassification(type);
            SupportLabels labels = new SupportLabels(MetricModel.classLabels(support.y(), "support"), ways);
            Tensor supportEmbeddings = Tensor.constant(support.x());
            return x -> {
                try (Scope s = Autograd.noGrad()) {
                    return model.logits(params, supportEmbeddings, labels, Tensor.constant(x)).value();
                }
            };
        };
    }

    private static void requireClassification(TaskType type) {
        if (type != TaskType.CLASSIFICATION) {
            throw new IllegalArgumentException("metric learners classify; got a " + type + " task");
        }
    }
}

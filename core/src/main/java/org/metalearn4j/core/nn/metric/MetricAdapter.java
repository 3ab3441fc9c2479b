package org.metalearn4j.core.nn.metric;

import org.metalearn4j.core.learner.Adapter;
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
 * later changes to the learner.
 */
public final class MetricAdapter implements Adapter {
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
        if (type != TaskType.CLASSIFICATION) {
            throw new IllegalArgumentException("metric learners classify; got a " + type + " task");
        }
        SupportLabels labels = new SupportLabels(MetricModel.classLabels(support.y(), "support"), ways);
        Tensor supportEmbeddings = embed(support.x());
        return x -> {
            try (Scope s = Autograd.noGrad()) {
                return model.logits(params, supportEmbeddings, labels, embed(x)).value();
            }
        };
    }

    private Tensor embed(INDArray x) {
        try (Scope s = Autograd.noGrad()) {
            INDArray typed = x.castTo(params.tensors().get(0).dataType());
            return model.embed(params, Tensor.constant(typed), new ForwardContext(false, stats, 0));
        }
    }
}

package org.metalearn4j.model.hyper;

import java.util.Optional;
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
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Adaptation of weight generation: embed the support set, generate the class weights from the embeddings, score
 * queries by theirs. Embeddings are taken in evaluation mode (batch norm on its running statistics), so each depends
 * on its own example alone and an evaluation may embed a split once ({@link EmbeddingAdapter}); the generator then
 * runs per episode on stored embeddings only.
 */
final class WeightGenAdapter implements EmbeddingAdapter {
    private final WeightGenerator model;
    private final Params params;
    private final RunningStats stats;
    private final int descriptorSize;
    private final DataType type;

    /**
     * @param params the learner's parameters, copied by the caller (the adapter never writes them)
     * @param stats  its batch-norm running statistics, used in evaluation mode
     */
    WeightGenAdapter(WeightGenerator model, Params params, RunningStats stats, int descriptorSize) {
        this.model = model;
        this.params = params;
        this.stats = stats;
        this.descriptorSize = descriptorSize;
        this.type = params.tensors().get(0).dataType();
    }

    @Override
    public Predictor adapt(Examples support, TaskType taskType, int ways) {
        return adapt(support, taskType, ways, Optional.empty());
    }

    @Override
    public Predictor adapt(Examples support, TaskType taskType, int ways, Optional<INDArray> descriptor) {
        requireClassification(taskType);
        support.requireFinite("support set");
        Predictor onEmbedded = onEmbeddings().adapt(new Examples(embed(support.x()), support.y()), taskType, ways,
                descriptor);
        return x -> onEmbedded.predict(embed(x));
    }

    @Override
    public INDArray embed(INDArray x) {
        try (Scope s = Autograd.noGrad()) {
            return model.embed(params, Tensor.constant(x.castTo(type)), new ForwardContext(false, stats, 0)).value();
        }
    }

    @Override
    public Adapter onEmbeddings() {
        return new Adapter() {
            @Override
            public Predictor adapt(Examples support, TaskType taskType, int ways) {
                return adapt(support, taskType, ways, Optional.empty());
            }

            @Override
            public Predictor adapt(Examples support, TaskType taskType, int ways, Optional<INDArray> descriptor) {
                requireClassification(taskType);
                int[] labels = WeightGenObjective.labels(support, "support set");
                try (Scope s = Autograd.noGrad()) {
                    Tensor weights = model.classWeights(params, Tensor.constant(support.x()), labels, ways,
                            TaskDescriptors.read(WeightGenerator.NAME, descriptorSize, descriptor, "the task", type));
                    return x -> {
                        try (Scope inner = Autograd.noGrad()) {
                            return model.logits(params, weights, Tensor.constant(x)).value();
                        }
                    };
                }
            }
        };
    }

    private static void requireClassification(TaskType taskType) {
        if (taskType != TaskType.CLASSIFICATION) {
            throw new IllegalArgumentException("weightgen classifies; got a " + taskType + " task");
        }
    }
}

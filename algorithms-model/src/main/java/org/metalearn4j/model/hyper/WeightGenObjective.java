package org.metalearn4j.model.hyper;

import java.util.List;
import java.util.Map;
import org.metalearn4j.core.learner.Adapter;
import org.metalearn4j.core.learner.EpisodeObjective;
import org.metalearn4j.core.nn.Accuracy;
import org.metalearn4j.core.nn.ForwardContext;
import org.metalearn4j.core.nn.Losses;
import org.metalearn4j.core.nn.Params;
import org.metalearn4j.core.nn.RunningStats;
import org.metalearn4j.core.task.Examples;
import org.metalearn4j.core.task.Task;
import org.metalearn4j.core.tensor.Tensor;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The {@link WeightGenerator}'s loss: query cross-entropy of the generated cosine classifier, averaged over the
 * meta-batch. Support and query go through the backbone as one batch, so batch norm sees the whole episode.
 */
final class WeightGenObjective implements EpisodeObjective {
    private final WeightGenerator model;
    private final int descriptorSize;

    WeightGenObjective(WeightGenerator model, int descriptorSize) {
        this.model = model;
        this.descriptorSize = descriptorSize;
    }

    @Override
    public Result loss(Params params, List<Task> batch, ForwardContext ctx) {
        DataType type = params.tensors().get(0).dataType();
        Tensor total = null;
        double accuracy = 0;
        for (Task task : batch) {
            int[] supportLabels = labels(task.support(), task.domain() + " support");
            int[] queryLabels = labels(task.query(), task.domain() + " query");
            int s = task.support().size();
            Tensor embedded = model.embed(params, Tensor.constant(Nd4j.concat(0, task.support().x().castTo(type),
                    task.query().x().castTo(type))), ctx);
            Tensor weights = model.classWeights(params, embedded.slice(0, 0, s), supportLabels, task.ways(),
                    TaskDescriptors.read(WeightGenerator.NAME, descriptorSize, task.descriptor(), task.domain(),
                            type));
            Tensor logits = model.logits(params, weights, embedded.slice(0, s, embedded.shape()[0]));
            Tensor loss = Losses.crossEntropy(logits, queryLabels);
            total = total == null ? loss : total.add(loss);
            accuracy += Accuracy.of(logits.value(), queryLabels);
        }
        return new Result(total.div(batch.size()), accuracy / batch.size(), Map.of());
    }

    @Override
    public Adapter adapter(Params params, RunningStats stats) {
        return new WeightGenAdapter(model, params, stats, descriptorSize);
    }

    /** The rank-1 class labels of {@code examples}, refused naming {@code what} otherwise. */
    static int[] labels(Examples examples, String what) {
        if (examples.y().rank() != 1) {
            throw new IllegalArgumentException(what + ": expected rank-1 class labels, got shape "
                    + java.util.Arrays.toString(examples.y().shape()));
        }
        return examples.y().castTo(DataType.INT).toIntVector();
    }
}

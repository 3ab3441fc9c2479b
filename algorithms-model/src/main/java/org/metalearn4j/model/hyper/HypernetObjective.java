package org.metalearn4j.model.hyper;

import java.util.List;
import java.util.Map;
import org.metalearn4j.core.learner.Adapter;
import org.metalearn4j.core.learner.EpisodeObjective;
import org.metalearn4j.core.learner.Predictor;
import org.metalearn4j.core.nn.ForwardContext;
import org.metalearn4j.core.nn.Losses;
import org.metalearn4j.core.nn.Params;
import org.metalearn4j.core.nn.RunningStats;
import org.metalearn4j.core.task.Examples;
import org.metalearn4j.core.task.Task;
import org.metalearn4j.core.task.TaskType;
import org.metalearn4j.core.tensor.Autograd;
import org.metalearn4j.core.tensor.Scope;
import org.metalearn4j.core.tensor.Tensor;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The {@link Hypernetwork}'s loss: the query MSE of the generated network, averaged over the meta-batch. */
final class HypernetObjective implements EpisodeObjective {
    private final Hypernetwork model;

    HypernetObjective(Hypernetwork model) {
        this.model = model;
    }

    @Override
    public Result loss(Params params, List<Task> batch, ForwardContext ctx) {
        DataType type = params.tensors().get(0).dataType();
        Tensor total = null;
        for (Task task : batch) {
            List<Tensor> weights = model.weights(params, task.support(), task.descriptor(), task.domain(), type);
            Tensor mse = Losses.mse(model.predict(weights, task.query().x(), type),
                    model.targets(task.query().y(), type));
            total = total == null ? mse : total.add(mse);
        }
        Tensor loss = total.div(batch.size());
        return new Result(loss, loss.item(), Map.of());
    }

    @Override
    public Adapter adapter(Params params, RunningStats stats) {
        DataType type = params.tensors().get(0).dataType();
        return new Adapter() {
            @Override
            public Predictor adapt(Examples support, TaskType taskType, int ways) {
                return adapt(support, taskType, ways, java.util.Optional.empty());
            }

            @Override
            public Predictor adapt(Examples support, TaskType taskType, int ways,
                                   java.util.Optional<INDArray> descriptor) {
                if (taskType != TaskType.REGRESSION) {
                    throw new IllegalArgumentException("hypernet predicts regression targets; got a " + taskType
                            + " task");
                }
                support.requireFinite("support set");
                try (Scope s = Autograd.noGrad()) {
                    List<Tensor> weights = model.weights(params, support, descriptor, "the task", type);
                    return x -> {
                        try (Scope inner = Autograd.noGrad()) {
                            return model.predict(weights, x, type).value();
                        }
                    };
                }
            }
        };
    }
}

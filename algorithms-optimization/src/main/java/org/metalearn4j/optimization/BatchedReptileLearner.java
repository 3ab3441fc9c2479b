package org.metalearn4j.optimization;

import java.util.List;
import java.util.Map;
import org.metalearn4j.core.learner.LearnerContext;
import org.metalearn4j.core.learner.StepMetrics;
import org.metalearn4j.core.learner.TaskResult;
import org.metalearn4j.core.learner.TaskwiseLearner;
import org.metalearn4j.core.nn.Params;
import org.metalearn4j.core.state.StateDict;
import org.metalearn4j.core.task.Task;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Batched Reptile: every task of a meta-batch is adapted from the same initialization ({@link #computeTask}: the
 * adapted weights), then the initialization moves once towards their mean, {@code theta += epsilon * mean(phi -
 * theta)}, the differences summed in task order.
 */
public final class BatchedReptileLearner extends ReptileLearner implements TaskwiseLearner {

    BatchedReptileLearner(ReptileConfig config, LearnerContext context, DataType dataType) {
        super(config, context, dataType);
    }

    @Override
    public StepMetrics step(List<Task> batch) {
        return TaskwiseLearner.super.step(batch);
    }

    @Override
    public TaskResult computeTask(Task task, int index) {
        Adapted a = adapt(task, index);
        return new TaskResult(a.phi().toStateDict(), a.loss(), a.metric(), Map.of());
    }

    @Override
    public StepMetrics applyResults(List<TaskResult> results) {
        if (results.isEmpty()) {
            throw new IllegalArgumentException("step: the meta-batch is empty");
        }
        Params theta = training().params();
        List<String> names = theta.names();
        INDArray[] sum = new INDArray[names.size()];
        double loss = 0;
        double metric = 0;
        for (TaskResult r : results) {
            for (int k = 0; k < names.size(); k++) {
                INDArray delta = r.tensors().get(names.get(k)).sub(theta.get(names.get(k)).value());
                sum[k] = sum[k] == null ? delta : sum[k].addi(delta);
            }
            loss += r.loss();
            metric += r.metric();
        }
        for (int k = 0; k < names.size(); k++) {
            theta.get(names.get(k)).value().addi(sum[k].muli(config().epsilon() / results.size()));
        }
        training().stepDone();
        return new StepMetrics(loss / results.size(), metric / results.size(), Map.of());
    }

    @Override
    public int taskThreads() {
        return config().taskThreads();
    }

    /** The initialization and step count, all a task's adaptation reads. */
    @Override
    public StateDict computeState() {
        return training().computeState();
    }

    @Override
    public void loadComputeState(StateDict computeState) {
        training().loadComputeState(computeState);
    }
}

package org.metalearn4j.core.train.testing;

import java.util.List;
import java.util.Map;
import org.metalearn4j.core.learner.LearnerContext;
import org.metalearn4j.core.learner.StepMetrics;
import org.metalearn4j.core.learner.TaskResult;
import org.metalearn4j.core.learner.TaskwiseLearner;
import org.metalearn4j.core.state.StateDict;
import org.metalearn4j.core.task.Task;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * {@link CentroidLearner} with its step split by task: each task's float64 gradient is one {@link TaskResult}, and
 * the mean of the results, summed in task order, takes the same momentum step. For tests of task executors.
 */
public final class TaskwiseCentroidLearner extends CentroidLearner implements TaskwiseLearner {
    /** The result entry holding a task's gradient. */
    public static final String GRAD = "grad";

    public TaskwiseCentroidLearner(CentroidConfig config, LearnerContext context) {
        super(config, context);
    }

    @Override
    public StepMetrics step(List<Task> batch) {
        return TaskwiseLearner.super.step(batch);
    }

    @Override
    public TaskResult computeTask(Task task, int index) {
        INDArray grad = Nd4j.zeros(DataType.DOUBLE, weights.shape());
        double[] lossAndAccuracy = lossAndGradient(weights, task, grad);
        return new TaskResult(new StateDict().put(GRAD, grad), lossAndAccuracy[0], lossAndAccuracy[1], Map.of());
    }

    @Override
    public StepMetrics applyResults(List<TaskResult> results) {
        INDArray sum = Nd4j.zeros(DataType.DOUBLE, weights.shape());
        double loss = 0;
        double accuracy = 0;
        for (TaskResult r : results) {
            sum.addi(r.tensors().get(GRAD));
            loss += r.loss();
            accuracy += r.metric();
        }
        descend(sum.divi(results.size()));
        return StepMetrics.of(loss / results.size(), accuracy / results.size());
    }

    /** The weights and step count: all a task reads. */
    @Override
    public StateDict computeState() {
        return new StateDict().put("weights", weights).putLongs("steps", steps);
    }

    @Override
    public void loadComputeState(StateDict state) {
        weights.assign(state.get("weights"));
        steps = state.getLongs("steps")[0];
    }
}

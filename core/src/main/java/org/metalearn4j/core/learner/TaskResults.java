package org.metalearn4j.core.learner;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Combining a meta-batch's {@link TaskResult}s in a {@link TaskwiseLearner#applyResults}: means of named arrays
 * (meta-gradients) summed in task order, so that whichever executor computed the tasks the update has the same bits,
 * and the batch's mean loss, metric and extras.
 */
public final class TaskResults {
    private TaskResults() {
    }

    /**
     * The mean over {@code results} of the arrays named {@code names}, in that order; fails on an empty batch or a
     * result without one of the names.
     */
    public static INDArray[] mean(List<TaskResult> results, List<String> names) {
        requireTasks(results);
        INDArray[] sums = new INDArray[names.size()];
        for (TaskResult r : results) {
            for (int k = 0; k < sums.length; k++) {
                INDArray g = r.tensors().get(names.get(k));
                sums[k] = sums[k] == null ? g.dup() : sums[k].addi(g);
            }
        }
        for (INDArray s : sums) {
            s.divi(results.size());
        }
        return sums;
    }

    /**
     * The mean query loss and metric of the batch, with the mean of every extra the first result reports followed by
     * {@code more}.
     */
    public static StepMetrics metrics(List<TaskResult> results, Map<String, Double> more) {
        requireTasks(results);
        double loss = 0;
        double metric = 0;
        Map<String, Double> extras = new LinkedHashMap<>();
        for (TaskResult r : results) {
            loss += r.loss();
            metric += r.metric();
            r.extras().forEach((name, value) -> extras.merge(name, value, Double::sum));
        }
        extras.replaceAll((name, sum) -> sum / results.size());
        extras.putAll(more);
        return new StepMetrics(loss / results.size(), metric / results.size(), extras);
    }

    private static void requireTasks(List<TaskResult> results) {
        if (results.isEmpty()) {
            throw new IllegalArgumentException("step: the meta-batch is empty");
        }
    }
}

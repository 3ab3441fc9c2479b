package org.metalearn4j.optimization;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.metalearn4j.core.learner.TaskResult;
import org.metalearn4j.core.learner.TaskwiseLearner;
import org.metalearn4j.core.state.StateDict;
import org.metalearn4j.core.task.Task;
import org.metalearn4j.core.testing.GradCheck;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Checks a float64 {@link TaskwiseLearner}'s per-task meta-gradient ({@link TaskResult#tensors()}) against central
 * finite differences of the objective it reports ({@link TaskResult#loss()}) in every trained parameter: the whole
 * differentiable pipeline of a learner (inner loop, update rule, meta-objective) at once.
 */
public final class TaskGradients {
    private TaskGradients() {
    }

    /** Asserts agreement within {@code tol} (relative, as {@link GradCheck}); leaves the learner as it was. */
    public static void check(TaskwiseLearner learner, Task task, double tol) {
        StateDict saved = learner.state();
        StateDict params = saved.withPrefix("params.");
        List<String> names = new ArrayList<>(params.names());
        TaskResult result = learner.computeTask(task, 0);
        List<INDArray> values = names.stream().map(params::get).toList();
        List<INDArray> analytic = names.stream().map(result.tensors()::get).toList();
        Function<List<INDArray>, Double> objective = vs -> {
            StateDict perturbed = new StateDict().putAll("", saved);
            for (int i = 0; i < names.size(); i++) {
                perturbed.put("params." + names.get(i), vs.get(i));
            }
            learner.load(perturbed);
            return learner.computeTask(task, 0).loss();
        };
        try {
            GradCheck.matchesFiniteDifferences(objective, values, analytic, tol);
        } finally {
            learner.load(saved);
        }
    }
}

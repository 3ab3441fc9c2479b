package org.metalearn4j.core.learner;

import java.util.List;
import java.util.Map;
import org.metalearn4j.core.state.StateDict;
import org.metalearn4j.core.task.Task;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A meta-learner: improves itself one meta-batch of tasks at a time and can adapt to a new task from its support set.
 *
 * <p>Contract for exact resume: {@link #state()} captures everything that influences future steps (parameters,
 * optimizer moments, RNG state, step counters), and {@link #load(StateDict)} on a freshly created learner with the
 * same configuration restores it so that subsequent steps are bitwise identical.
 */
public interface Learner {

    /** One meta-training iteration on a batch of tasks. */
    StepMetrics step(List<Task> batch);

    /** Adapts to support sets using the current meta-parameters. */
    Adapter adapter();

    /** A detached snapshot of all training state. */
    StateDict state();

    /** Restores a snapshot taken by {@link #state()} of a learner with the same configuration. */
    void load(StateDict state);

    /** The backbone's current parameters, for pipelines that hand them to another stage. */
    StateDict backbone();

    /**
     * The arrays a training step updates, by name and not copied, which the training loop checks for NaN and Inf
     * after every step; callers only read them. The default is {@link #state()}'s entries: correct, but a copy per
     * step, so a {@link StatefulLearner} keeping a {@link TrainingState} returns {@link TrainingState#trainedArrays()}
     * instead.
     */
    default Map<String, INDArray> trainedArrays() {
        return state().asMap();
    }
}

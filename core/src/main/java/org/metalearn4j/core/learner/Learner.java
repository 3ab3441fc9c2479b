package org.metalearn4j.core.learner;

import java.util.List;
import org.metalearn4j.core.state.StateDict;
import org.metalearn4j.core.task.Task;

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
}

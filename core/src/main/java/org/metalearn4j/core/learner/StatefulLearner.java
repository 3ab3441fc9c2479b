package org.metalearn4j.core.learner;

import java.util.Map;
import org.metalearn4j.core.state.StateDict;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A learner whose whole training state is one {@link LearnerState}: saving, restoring, handing on the backbone and
 * the arrays checked after every step all delegate to it, so an exact resume is the state's contract alone. A
 * learner overrides a method only where it differs (a backbone taken from one of several networks, say).
 */
public interface StatefulLearner extends Learner {

    /** The state this learner trains; callers outside the learner only read it. */
    LearnerState learnerState();

    @Override
    default StateDict state() {
        return learnerState().save();
    }

    @Override
    default void load(StateDict saved) {
        learnerState().load(saved);
    }

    @Override
    default StateDict backbone() {
        return learnerState().backbone();
    }

    @Override
    default Map<String, INDArray> trainedArrays() {
        return learnerState().trainedArrays();
    }
}

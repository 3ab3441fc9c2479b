package org.metalearn4j.core.learner;

import java.util.Map;
import org.metalearn4j.core.state.StateDict;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Everything a learner trains, saved and restored as one: what a {@link StatefulLearner}'s {@link Learner} methods
 * delegate to. {@link TrainingState} is the usual one; a learner with several trained players keeps its own.
 */
public interface LearnerState {

    /** A detached snapshot, as {@link Learner#state()} returns it. */
    StateDict save();

    /** Restores a snapshot taken by {@link #save()} of the same configuration. */
    void load(StateDict state);

    /** The backbone's parameters (and statistics), as {@link Learner#backbone()} returns them. */
    StateDict backbone();

    /** The arrays a step updates, not copied (see {@link Learner#trainedArrays()}); by default {@link #save()}'s. */
    default Map<String, INDArray> trainedArrays() {
        return save().asMap();
    }
}

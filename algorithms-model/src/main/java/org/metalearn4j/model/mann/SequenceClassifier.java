package org.metalearn4j.model.mann;

import org.metalearn4j.core.task.Examples;

/**
 * A classifier that reads an episode as a sequence, predicting each example's class before it is told (the label of
 * step t arrives at step t + 1), with its memory wiped at the start.
 */
public interface SequenceClassifier {

    /** The predicted class at every step of {@code episode} presented in {@code order}. */
    int[] predict(Examples episode, int[] order);
}

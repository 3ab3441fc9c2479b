package org.metalearn4j.core.dataset;

import java.util.List;
import org.metalearn4j.core.task.Examples;

/**
 * All examples of a split with their class labels, for ordinary supervised training (pretraining, multi-task,
 * zero-shot). {@code classNames.get(i)} names label {@code i}.
 */
public record LabeledSet(Examples examples, List<String> classNames) {
    public LabeledSet {
        classNames = List.copyOf(classNames);
    }

    public int classes() {
        return classNames.size();
    }
}

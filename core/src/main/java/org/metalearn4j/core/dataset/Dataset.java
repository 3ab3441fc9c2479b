package org.metalearn4j.core.dataset;

import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.metalearn4j.core.task.EpisodeSpec;
import org.metalearn4j.core.task.TaskSource;
import org.metalearn4j.core.task.TaskType;

/**
 * An opened data set with named splits (e.g. {@code meta-train}, {@code meta-test}). Episodic access through
 * {@link #episodes}; flat supervised access through {@link #labeled} where the data set has a fixed set of examples.
 */
public interface Dataset {

    String name();

    TaskType type();

    /** Shape of one input example, e.g. {@code [1, 28, 28]}. */
    long[] inputShape();

    List<String> splits();

    /** Reproducible N-way K-shot Q-query episodes from a split; fails naming the split if it does not exist. */
    TaskSource episodes(String split, EpisodeSpec spec);

    /**
     * The transform wrapped around {@code split}'s episodes (augmentation such as random shifts), if the data set
     * augments that split; test-time augmentation draws its views with it.
     */
    default Optional<UnaryOperator<TaskSource>> augmentation(String split) {
        return Optional.empty();
    }

    /** Every example of a split with labels; generated task families have none and say so. */
    default LabeledSet labeled(String split) {
        throw new DatasetException(name() + " is a generated task family and has no fixed labelled examples (split '"
                + split + "')");
    }
}

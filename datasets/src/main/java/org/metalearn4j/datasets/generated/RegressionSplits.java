package org.metalearn4j.datasets.generated;

import java.util.List;
import org.metalearn4j.core.dataset.DatasetException;
import org.metalearn4j.core.task.EpisodeSpec;

/** The splits of a generated regression family, and the checks each family makes on an episode request. */
final class RegressionSplits {
    static final List<String> NAMES = List.of("meta-train", "meta-val", "meta-test");

    private RegressionSplits() {
    }

    /**
     * The index of {@code split} in {@link #NAMES}, which seeds that split's task stream.
     *
     * @throws DatasetException naming the data set and the split if there is no such split, or if {@code spec} asks for
     *                          more than one way (a regression task has one)
     */
    static int index(String dataset, String split, EpisodeSpec spec) {
        int index = NAMES.indexOf(split);
        if (index < 0) {
            throw new DatasetException(dataset + " has no split '" + split + "'; available: " + NAMES);
        }
        if (spec.way() != 1) {
            throw new DatasetException(dataset + "/" + split + ": regression tasks have way 1, got " + spec.way());
        }
        return index;
    }
}

package org.metalearn4j.transfer.data;

import java.util.List;
import java.util.stream.IntStream;
import org.metalearn4j.core.dataset.Dataset;
import org.metalearn4j.core.dataset.LabeledSet;
import org.metalearn4j.core.pipeline.StageContext;
import org.metalearn4j.core.task.Examples;

/**
 * The labelled examples a supervised stage trains on: chosen classes of a data set split, relabelled
 * {@code 0..classes-1}, at most {@code maxPerClass} each.
 *
 * @param examples   the selected examples
 * @param inputShape shape of one example
 * @param classes    number of classes selected
 */
public record TrainingData(Examples examples, long[] inputShape, int classes) {

    /**
     * @param context     the running stage, which opens the data set and is told what it loads
     * @param classes     original class indices to keep; empty for every class of the split
     * @param maxPerClass cap per class, {@code <= 0} for all
     */
    public static TrainingData load(StageContext context, String dataset, String split, List<Integer> classes,
                                    int maxPerClass, long seed) {
        context.progress().loading("data set " + dataset + " split " + split);
        Dataset data = DatasetAccess.open(context.registry(), dataset);
        LabeledSet set = data.labeled(split);
        int[] chosen = classes == null || classes.isEmpty() ? IntStream.range(0, set.classes()).toArray()
                : classes.stream().mapToInt(Integer::intValue).toArray();
        for (int c : chosen) {
            if (c < 0 || c >= set.classes()) {
                throw new IllegalArgumentException(dataset + "/" + split + " has classes 0.." + (set.classes() - 1)
                        + ", class " + c + " was asked for");
            }
        }
        Examples ex = ClassSubset.select(set.examples(), chosen, maxPerClass, seed);
        return new TrainingData(ex, data.inputShape(), chosen.length);
    }
}

package org.metalearn4j.transfer.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.metalearn4j.core.task.Examples;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.metalearn4j.core.task.Rows;

/**
 * The examples of chosen classes, at most {@code maxPerClass} of each (a seeded random choice), relabelled
 * {@code 0..classes.length-1} in the order the classes are given.
 */
public final class ClassSubset {
    private ClassSubset() {
    }

    /**
     * @param all         labelled examples, {@code y} holding class indices
     * @param classes     original class indices to keep
     * @param maxPerClass cap per class, {@code <= 0} for all
     */
    public static Examples select(Examples all, int[] classes, int maxPerClass, long seed) {
        int[] y = all.y().castTo(DataType.INT).reshape(-1).toIntVector();
        Random rnd = new Random(seed);
        List<Integer> rows = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (int k = 0; k < classes.length; k++) {
            List<Integer> members = new ArrayList<>();
            for (int i = 0; i < y.length; i++) {
                if (y[i] == classes[k]) {
                    members.add(i);
                }
            }
            if (members.isEmpty()) {
                throw new IllegalArgumentException("class " + classes[k] + " has no examples; classes present: "
                        + Arrays.toString(Arrays.stream(y).distinct().sorted().toArray()));
            }
            java.util.Collections.shuffle(members, rnd);
            int take = maxPerClass <= 0 ? members.size() : Math.min(maxPerClass, members.size());
            for (int j = 0; j < take; j++) {
                rows.add(members.get(j));
                labels.add(k);
            }
        }
        INDArray x = Rows.gather(all.x(), rows.stream().mapToInt(Integer::intValue).toArray());
        INDArray newY = Nd4j.createFromArray(labels.stream().mapToInt(Integer::intValue).toArray())
                .castTo(all.y().dataType());
        return new Examples(x, newY);
    }
}

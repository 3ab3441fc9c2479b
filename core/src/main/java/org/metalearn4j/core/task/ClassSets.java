package org.metalearn4j.core.task;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The examples of a classification task grouped by class, {@code [ways, perClass, exampleShape...]}: what
 * set-conditioned models (a statistic network over a class's examples, a generator conditioned on a support set)
 * consume.
 */
public final class ClassSets {
    private ClassSets() {
    }

    /**
     * Each class's examples of {@code first}, then its examples of {@code second}, in their order.
     *
     * @param second more examples of the same classes, or null
     * @throws IllegalArgumentException naming {@code what} when a label is outside {@code [0, ways)} or the classes
     *                                  have different numbers of examples
     */
    public static INDArray of(Examples first, Examples second, int ways, DataType type, String what) {
        List<List<INDArray>> rows = new ArrayList<>();
        for (int c = 0; c < ways; c++) {
            rows.add(new ArrayList<>());
        }
        collect(first, rows, ways, what);
        if (second != null) {
            collect(second, rows, ways, what);
        }
        int per = rows.get(0).size();
        for (int c = 0; c < ways; c++) {
            if (rows.get(c).size() != per || per == 0) {
                throw new IllegalArgumentException(what + ": every class needs the same number of examples, class 0"
                        + " has " + per + " and class " + c + " has " + rows.get(c).size());
            }
        }
        long[] example = Arrays.copyOfRange(first.x().shape(), 1, first.x().rank());
        long[] shape = new long[example.length + 2];
        shape[0] = ways;
        shape[1] = per;
        System.arraycopy(example, 0, shape, 2, example.length);
        INDArray out = Nd4j.create(type, shape);
        for (int c = 0; c < ways; c++) {
            for (int i = 0; i < per; i++) {
                out.get(NDArrayIndex.point(c), NDArrayIndex.point(i)).assign(rows.get(c).get(i));
            }
        }
        return out;
    }

    private static void collect(Examples examples, List<List<INDArray>> rows, int ways, String what) {
        int[] labels = examples.y().castTo(DataType.INT).toIntVector();
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= ways) {
                throw new IllegalArgumentException(what + ": label " + labels[i] + " at row " + i + " is outside [0, "
                        + ways + ")");
            }
            rows.get(labels[i]).add(examples.x().get(NDArrayIndex.point(i)));
        }
    }
}

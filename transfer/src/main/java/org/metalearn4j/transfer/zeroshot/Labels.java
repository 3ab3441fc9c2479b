package org.metalearn4j.transfer.zeroshot;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Label checks and encodings shared by the zero-shot learners. */
final class Labels {
    private Labels() {
    }

    /** Class indices as ints, failing on an index outside {@code [0, classes)}. */
    static int[] indices(INDArray labels, int classes) {
        int[] y = labels.castTo(DataType.INT).reshape(-1).toIntVector();
        for (int i = 0; i < y.length; i++) {
            if (y[i] < 0 || y[i] >= classes) {
                throw new IllegalArgumentException("label " + y[i] + " of example " + i + " is outside [0, " + classes
                        + "): every training label must index a row of the attribute table");
            }
        }
        return y;
    }

    /** [n, classes] with +1 at each example's class and -1 elsewhere, as ESZSL's targets. */
    static INDArray signedOneHot(INDArray labels, int classes) {
        int[] y = indices(labels, classes);
        INDArray out = Nd4j.valueArrayOf(new long[] {y.length, classes}, -1.0, DataType.DOUBLE);
        for (int i = 0; i < y.length; i++) {
            out.putScalar(i, y[i], 1.0);
        }
        return out;
    }
}

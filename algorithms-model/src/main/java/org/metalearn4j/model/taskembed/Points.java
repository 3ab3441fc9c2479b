package org.metalearn4j.model.taskembed;

import org.metalearn4j.core.task.Task;
import org.nd4j.linalg.api.buffer.DataType;

/** A regression task's points as float64 rows, for the reference solutions. */
final class Points {
    private Points() {
    }

    /** The inputs of support and query together, {@code [n][xDim]}. */
    static double[][] inputs(Task task, int xDim) {
        return concat(rows(task.support().x(), xDim), rows(task.query().x(), xDim));
    }

    /** The targets of support and query together, {@code [n][yDim]}. */
    static double[][] targets(Task task, int yDim) {
        return concat(rows(task.support().y(), yDim), rows(task.query().y(), yDim));
    }

    /** The rows of {@code a} reshaped to {@code [n][width]}. */
    static double[][] rows(org.nd4j.linalg.api.ndarray.INDArray a, int width) {
        long n = a.size(0);
        if (n == 0) {
            return new double[0][width];
        }
        if (a.length() != n * width) {
            throw new IllegalArgumentException("task-encoder: expected " + width + " values per point, got shape "
                    + java.util.Arrays.toString(a.shape()));
        }
        return a.castTo(DataType.DOUBLE).reshape(n, width).toDoubleMatrix();
    }

    static double[][] concat(double[][] a, double[][] b) {
        double[][] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}

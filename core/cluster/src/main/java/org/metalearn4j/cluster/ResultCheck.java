package org.metalearn4j.cluster;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.metalearn4j.core.learner.TaskResult;
import org.metalearn4j.core.state.StateDict;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What the coordinator checks of a result a worker sent: the same entries, shapes and data types as a result it
 * computed itself for the run (every task of a run contributes the same arrays), and finite numbers.
 */
final class ResultCheck {
    private final List<String> names;
    private final List<long[]> shapes;
    private final List<DataType> types;

    private ResultCheck(List<String> names, List<long[]> shapes, List<DataType> types) {
        this.names = names;
        this.shapes = shapes;
        this.types = types;
    }

    /** Checks against the arrays of {@code reference}. */
    static ResultCheck of(TaskResult reference) {
        List<String> names = new ArrayList<>();
        List<long[]> shapes = new ArrayList<>();
        List<DataType> types = new ArrayList<>();
        reference.tensors().asMap().forEach((n, a) -> {
            names.add(n);
            shapes.add(a.shape());
            types.add(a.dataType());
        });
        return new ResultCheck(List.copyOf(names), List.copyOf(shapes), List.copyOf(types));
    }

    /** What is wrong with the arrays of a result, or null when they are as expected. */
    String shapeProblem(StateDict tensors) {
        List<String> got = List.copyOf(tensors.names());
        if (!got.equals(names)) {
            return "entries " + abbreviate(got) + " where " + abbreviate(names) + " were expected";
        }
        for (int k = 0; k < names.size(); k++) {
            INDArray a = tensors.get(names.get(k));
            if (!Arrays.equals(a.shape(), shapes.get(k)) || a.dataType() != types.get(k)) {
                return "'" + names.get(k) + "' of shape " + Arrays.toString(a.shape()) + " " + a.dataType()
                        + " where " + Arrays.toString(shapes.get(k)) + " " + types.get(k) + " was expected";
            }
        }
        return null;
    }

    /** Where a result holds a NaN or an infinity, or null when all its numbers are finite. */
    static String nonFinite(TaskResult result) {
        if (!Double.isFinite(result.loss())) {
            return "loss " + result.loss();
        }
        for (Map.Entry<String, INDArray> e : result.tensors().asMap().entrySet()) {
            INDArray a = e.getValue();
            if (!a.dataType().isFPType()) {
                continue;
            }
            for (double v : a.data().asDouble()) {
                if (!Double.isFinite(v)) {
                    return v + " in '" + e.getKey() + "'";
                }
            }
        }
        return null;
    }

    private static String abbreviate(List<String> names) {
        return names.size() <= 6 ? names.toString() : names.subList(0, 6) + " and " + (names.size() - 6) + " more";
    }
}

package org.metalearn4j.optimization;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.metalearn4j.core.nn.Params;
import org.metalearn4j.core.tensor.Tensor;

/**
 * The entries of some named tensors as one column, for coordinatewise learned optimizers (every entry is one row of
 * an LSTM batch) and particle methods (every particle is one flat vector): {@link #column} concatenates the tensors
 * in name order, {@link #split} cuts a column back into tensors of the original shapes. Both are differentiable.
 *
 * @param names  the tensors' names, in order
 * @param shapes their shapes
 */
public record Coordinates(List<String> names, List<long[]> shapes) {
    public Coordinates {
        names = List.copyOf(names);
        shapes = shapes.stream().map(long[]::clone).toList();
    }

    /** The layout of the entries of {@code params} that {@code grads} has (the ones an update moves). */
    public static Coordinates of(Params params, Params grads) {
        List<String> names = new ArrayList<>();
        List<long[]> shapes = new ArrayList<>();
        for (String n : params.names()) {
            if (grads.contains(n)) {
                names.add(n);
                shapes.add(params.get(n).shape());
            }
        }
        return new Coordinates(names, shapes);
    }

    /** The layout of all of {@code params}. */
    public static Coordinates of(Params params) {
        return of(params, params);
    }

    /** How many entries: the rows of {@link #column}. */
    public long size() {
        long n = 0;
        for (long[] s : shapes) {
            n += length(s);
        }
        return n;
    }

    /** The entries of {@code tensors}' tensors named here, in order, as {@code [size, 1]}. */
    public Tensor column(Params tensors) {
        List<Tensor> parts = new ArrayList<>(names.size());
        for (String n : names) {
            Tensor t = tensors.get(n);
            if (!Arrays.equals(t.shape(), shapes.get(parts.size()))) {
                throw new IllegalArgumentException("'" + n + "' has shape " + Arrays.toString(t.shape())
                        + ", expected " + Arrays.toString(shapes.get(parts.size())));
            }
            parts.add(t.reshape(t.length(), 1));
        }
        return parts.size() == 1 ? parts.get(0) : Tensor.concat(0, parts);
    }

    /** {@code rows [size, k]} cut into one {@code [length, k]} block of rows per name. */
    public Map<String, Tensor> split(Tensor rows) {
        if (rows.rank() != 2 || rows.shape()[0] != size()) {
            throw new IllegalArgumentException("expected " + size() + " rows, got " + Arrays.toString(rows.shape()));
        }
        Map<String, Tensor> out = new LinkedHashMap<>();
        long from = 0;
        for (int i = 0; i < names.size(); i++) {
            long n = length(shapes.get(i));
            out.put(names.get(i), names.size() == 1 ? rows : rows.slice(0, from, from + n));
            from += n;
        }
        return out;
    }

    /** {@code column [size, 1]} cut into one tensor per name, of that name's shape: the inverse of {@link #column}. */
    public Map<String, Tensor> shaped(Tensor column) {
        if (column.rank() != 2 || column.shape()[1] != 1) {
            throw new IllegalArgumentException("expected a column [" + size() + ", 1], got "
                    + Arrays.toString(column.shape()));
        }
        Map<String, Tensor> out = new LinkedHashMap<>();
        List<Tensor> parts = new ArrayList<>(split(column).values());
        for (int i = 0; i < names.size(); i++) {
            out.put(names.get(i), parts.get(i).reshape(shapes.get(i)));
        }
        return out;
    }

    /** {@code params} with the entries named here replaced by the pieces of {@code column [size, 1]}. */
    public Params replace(Params params, Tensor column) {
        Map<String, Tensor> pieces = shaped(column);
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (String n : params.names()) {
            out.put(n, pieces.getOrDefault(n, params.get(n)));
        }
        return Params.of(out);
    }

    private static long length(long[] shape) {
        long n = 1;
        for (long s : shape) {
            n *= s;
        }
        return n;
    }
}

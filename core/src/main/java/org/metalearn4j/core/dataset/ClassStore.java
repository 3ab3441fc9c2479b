package org.metalearn4j.core.dataset;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.metalearn4j.core.task.Examples;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Immutable in-memory examples grouped by class: one contiguous {@code float[]} holding every example, plus a start
 * offset and a count per class. Episode sampling then copies whole examples with {@link System#arraycopy}, and
 * {@link #select} makes class subsets without copying any pixels.
 */
public final class ClassStore {
    private final float[] data;
    private final long[] exampleShape;
    private final int exampleSize;
    private final int[] starts;
    private final int[] counts;
    private final List<String> names;

    private ClassStore(float[] data, long[] exampleShape, int[] starts, int[] counts, List<String> names) {
        this.data = data;
        this.exampleShape = exampleShape;
        this.exampleSize = Math.toIntExact(Arrays.stream(exampleShape).reduce(1, Math::multiplyExact));
        this.starts = starts;
        this.counts = counts;
        this.names = List.copyOf(names);
    }

    /** Starts a store whose examples all have the given shape, e.g. {@code [1, 28, 28]}. */
    public static Builder builder(long... exampleShape) {
        return new Builder(exampleShape);
    }

    /**
     * A store whose classes {@code writer} writes straight into the store's one array, class by class in parallel on
     * the common pool. Unlike {@link Builder}, which packs per-class arrays and then copies them, building needs the
     * store's memory once, not twice: a meta-train set of 16,000 rotated 28x28 images is 50 MB.
     *
     * @param exampleShape shape of one example, e.g. {@code [1, 28, 28]}
     * @param names        class names, in class-index order
     * @param counts       examples per class, in the same order
     * @param writer       writes class {@code c}'s examples back to back from {@code offset}; must write exactly
     *                     {@code counts[c]} examples and touch nothing else, as classes are written concurrently
     */
    public static ClassStore filled(long[] exampleShape, List<String> names, int[] counts, ClassWriter writer) {
        if (names.size() != counts.length) {
            throw new IllegalArgumentException(names.size() + " class names for " + counts.length + " counts");
        }
        int exampleSize = Math.toIntExact(Arrays.stream(exampleShape).reduce(1, Math::multiplyExact));
        int[] starts = new int[counts.length];
        long total = 0;
        for (int c = 0; c < counts.length; c++) {
            if (counts[c] < 0) {
                throw new IllegalArgumentException("class '" + names.get(c) + "': " + counts[c] + " examples");
            }
            starts[c] = Math.toIntExact(total);
            total += (long) counts[c] * exampleSize;
        }
        float[] data = new float[Math.toIntExact(total)];
        IntStream.range(0, counts.length).parallel().forEach(c -> writer.write(c, data, starts[c]));
        return new ClassStore(data, exampleShape.clone(), starts, counts.clone(), names);
    }

    /** Writes one class's examples into a store's array (see {@link #filled}). */
    @FunctionalInterface
    public interface ClassWriter {
        /** Writes class {@code c}'s examples, back to back, into {@code data} from {@code offset}. */
        void write(int c, float[] data, int offset);
    }

    /** Number of classes. */
    public int classes() {
        return counts.length;
    }

    /** Number of examples of class {@code c}. */
    public int count(int c) {
        return counts[c];
    }

    /** Total number of examples over all classes. */
    public int size() {
        return Arrays.stream(counts).sum();
    }

    /** Name of class {@code c}, e.g. {@code Greek/character03/rot090} or {@code Sneaker}. */
    public String className(int c) {
        return names.get(c);
    }

    /** All class names in class-index order. */
    public List<String> classNames() {
        return names;
    }

    /** Shape of one example, e.g. {@code [1, 28, 28]}. */
    public long[] exampleShape() {
        return exampleShape.clone();
    }

    /** Floats per example. */
    public int exampleSize() {
        return exampleSize;
    }

    /** Copies example {@code i} of class {@code c} into {@code dst} starting at {@code dstPos}. */
    public void copyExample(int c, int i, float[] dst, int dstPos) {
        if (i < 0 || i >= counts[c]) {
            throw new IndexOutOfBoundsException("example " + i + " of class '" + names.get(c) + "' (has "
                    + counts[c] + ")");
        }
        System.arraycopy(data, starts[c] + i * exampleSize, dst, dstPos, exampleSize);
    }

    /** Copies example {@code i} of class {@code c} into {@code dst} at absolute float position {@code dstPos}. */
    public void copyExample(int c, int i, FloatBuffer dst, int dstPos) {
        if (i < 0 || i >= counts[c]) {
            throw new IndexOutOfBoundsException("example " + i + " of class '" + names.get(c) + "' (has "
                    + counts[c] + ")");
        }
        dst.put(dstPos, data, starts[c] + i * exampleSize, exampleSize);
    }

    /** A copy of one example, for tests and inspection. */
    public float[] example(int c, int i) {
        float[] out = new float[exampleSize];
        copyExample(c, i, out, 0);
        return out;
    }

    /** Indices of the classes whose name matches, in store order (a class filter for {@code EpisodeSampler}). */
    public int[] classesWhere(Predicate<String> nameFilter) {
        List<Integer> hits = new ArrayList<>();
        for (int c = 0; c < names.size(); c++) {
            if (nameFilter.test(names.get(c))) {
                hits.add(c);
            }
        }
        return hits.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The listed classes, in the listed order, sharing this store's pixels; class {@code k} is {@code classes[k]}. */
    public ClassStore select(int... classes) {
        int[] s = new int[classes.length];
        int[] n = new int[classes.length];
        List<String> selected = new ArrayList<>();
        for (int k = 0; k < classes.length; k++) {
            int c = classes[k];
            if (c < 0 || c >= counts.length) {
                throw new DatasetException("class index " + c + " does not exist: expected 0.." + (counts.length - 1));
            }
            s[k] = starts[c];
            n[k] = counts[c];
            selected.add(names.get(c));
        }
        return new ClassStore(data, exampleShape, s, n, selected);
    }

    /** Every example with its class index as an int64 label, classes in store order. */
    public LabeledSet toLabeledSet() {
        int total = size();
        float[] x = new float[Math.multiplyExact(total, exampleSize)];
        long[] y = new long[total];
        int row = 0;
        for (int c = 0; c < counts.length; c++) {
            System.arraycopy(data, starts[c], x, row * exampleSize, counts[c] * exampleSize);
            Arrays.fill(y, row, row + counts[c], c);
            row += counts[c];
        }
        long[] shape = batchShape(total);
        return new LabeledSet(new Examples(Nd4j.create(x, shape, DataType.FLOAT), Nd4j.createFromArray(y)), names);
    }

    /** {@code [n, exampleShape...]}. */
    public long[] batchShape(int n) {
        long[] shape = new long[exampleShape.length + 1];
        shape[0] = n;
        System.arraycopy(exampleShape, 0, shape, 1, exampleShape.length);
        return shape;
    }

    /** Collects classes one at a time, then packs them into one array. */
    public static final class Builder {
        private final long[] exampleShape;
        private final int exampleSize;
        private final List<float[]> chunks = new ArrayList<>();
        private final List<Integer> counts = new ArrayList<>();
        private final List<String> names = new ArrayList<>();

        private Builder(long[] exampleShape) {
            this.exampleShape = exampleShape.clone();
            this.exampleSize = Math.toIntExact(Arrays.stream(exampleShape).reduce(1, Math::multiplyExact));
        }

        /** Adds a class made of the given examples, each {@code exampleSize} floats long. */
        public Builder addClass(String name, List<float[]> examples) {
            float[] packed = new float[examples.size() * exampleSize];
            for (int i = 0; i < examples.size(); i++) {
                float[] e = examples.get(i);
                if (e.length != exampleSize) {
                    throw new IllegalArgumentException("class '" + name + "' example " + i + " has " + e.length
                            + " values, expected " + exampleSize);
                }
                System.arraycopy(e, 0, packed, i * exampleSize, exampleSize);
            }
            return addPacked(name, packed, examples.size());
        }

        /** Adds a class whose {@code count} examples are already packed back to back. */
        public Builder addPacked(String name, float[] packed, int count) {
            Objects.requireNonNull(name, "name");
            if (packed.length != count * exampleSize) {
                throw new IllegalArgumentException("class '" + name + "': " + packed.length + " values for " + count
                        + " examples of " + exampleSize);
            }
            chunks.add(packed);
            counts.add(count);
            names.add(name);
            return this;
        }

        /** Packs the classes added so far into one immutable store. */
        public ClassStore build() {
            long total = chunks.stream().mapToLong(a -> a.length).sum();
            float[] data = new float[Math.toIntExact(total)];
            int[] starts = new int[chunks.size()];
            int pos = 0;
            for (int c = 0; c < chunks.size(); c++) {
                starts[c] = pos;
                System.arraycopy(chunks.get(c), 0, data, pos, chunks.get(c).length);
                pos += chunks.get(c).length;
            }
            int[] n = counts.stream().mapToInt(Integer::intValue).toArray();
            return new ClassStore(data, exampleShape, starts, n, names);
        }
    }
}

package org.metalearn4j.core.state;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * An ordered map from names to arrays: module parameters, optimizer moments, RNG state, counters. The common currency
 * of saving and loading across modules, learners, optimizers and checkpoints (like PyTorch's {@code state_dict}).
 *
 * <p>Serialization is exact (raw IEEE bits, big-endian) so a save/load round trip is bitwise identical. Entries are
 * copied on {@link #put} and {@link #read}, never aliased to live training buffers.
 */
public final class StateDict {
    private static final int MAGIC = 0x4D4C5344; // "MLSD"
    private static final int VERSION = 1;

    private final LinkedHashMap<String, INDArray> entries = new LinkedHashMap<>();

    /** Stores a detached copy of {@code value} under {@code name}, replacing any previous entry. */
    public StateDict put(String name, INDArray value) {
        entries.put(name, value.dup());
        return this;
    }

    /** Stores a scalar as a float64 array of rank 0. */
    public StateDict putScalar(String name, double value) {
        entries.put(name, Nd4j.scalar(DataType.DOUBLE, value));
        return this;
    }

    /** Stores 64-bit integers exactly (counters, RNG state). */
    public StateDict putLongs(String name, long... values) {
        entries.put(name, Nd4j.createFromArray(values.clone()));
        return this;
    }

    /** Stores a non-empty vector of doubles exactly (float64). */
    public StateDict putDoubles(String name, double... values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("state entry '" + name + "': an empty vector cannot be stored");
        }
        entries.put(name, Nd4j.createFromArray(values.clone()));
        return this;
    }

    /** Copies every entry of {@code other} under {@code prefix + name}. */
    public StateDict putAll(String prefix, StateDict other) {
        other.entries.forEach((k, v) -> entries.put(prefix + k, v.dup()));
        return this;
    }

    /** The entries whose names start with {@code prefix}, with the prefix removed, in order. */
    public StateDict withPrefix(String prefix) {
        StateDict out = new StateDict();
        entries.forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                out.entries.put(k.substring(prefix.length()), v);
            }
        });
        return out;
    }

    /** The array stored under {@code name}; fails naming the missing key and the keys present. */
    public INDArray get(String name) {
        INDArray v = entries.get(name);
        if (v == null) {
            throw new IllegalArgumentException("state has no entry '" + name + "'; present: " + entries.keySet());
        }
        return v;
    }

    public double getScalar(String name) {
        return get(name).getDouble(0);
    }

    public long[] getLongs(String name) {
        return get(name).toLongVector();
    }

    public boolean contains(String name) {
        return entries.containsKey(name);
    }

    public Set<String> names() {
        return Collections.unmodifiableSet(entries.keySet());
    }

    public Map<String, INDArray> asMap() {
        return Collections.unmodifiableMap(entries);
    }

    /** Writes every entry exactly: name, data type, shape, raw element bits. */
    public void write(DataOutputStream out) throws IOException {
        out.writeInt(MAGIC);
        out.writeInt(VERSION);
        out.writeInt(entries.size());
        for (Map.Entry<String, INDArray> e : entries.entrySet()) {
            byte[] name = e.getKey().getBytes(StandardCharsets.UTF_8);
            out.writeInt(name.length);
            out.write(name);
            INDArray a = e.getValue();
            out.writeUTF(a.dataType().name());
            long[] shape = a.shape();
            out.writeInt(shape.length);
            for (long s : shape) {
                out.writeLong(s);
            }
            writeData(out, a);
        }
    }

    /** Reads what {@link #write} wrote; a wrong magic number, version or truncated body fails with the reason. */
    public static StateDict read(DataInputStream in) throws IOException {
        int magic = in.readInt();
        if (magic != MAGIC) {
            throw new IOException("not a metalearn4j state: magic 0x" + Integer.toHexString(magic) + ", expected 0x"
                    + Integer.toHexString(MAGIC));
        }
        int version = in.readInt();
        if (version != VERSION) {
            throw new IOException("unsupported state version " + version + ", this build reads " + VERSION);
        }
        int n = in.readInt();
        if (n < 0) {
            throw new IOException("corrupt state: negative entry count " + n);
        }
        StateDict sd = new StateDict();
        for (int i = 0; i < n; i++) {
            int len = in.readInt();
            if (len < 0 || len > 1 << 16) {
                throw new IOException("corrupt state: entry " + i + " has name length " + len);
            }
            String name = new String(in.readNBytes(len), StandardCharsets.UTF_8);
            DataType type;
            try {
                type = DataType.valueOf(in.readUTF());
            } catch (IllegalArgumentException ex) {
                throw new IOException("corrupt state: entry '" + name + "' has an unknown data type", ex);
            }
            int rank = in.readInt();
            if (rank < 0 || rank > 32) {
                throw new IOException("corrupt state: entry '" + name + "' has rank " + rank);
            }
            long[] shape = new long[rank];
            for (int d = 0; d < rank; d++) {
                shape[d] = in.readLong();
            }
            sd.entries.put(name, readData(in, type, shape, name));
        }
        return sd;
    }

    /** The elements as raw big-endian bits, converted in bulk (one write per entry, not per element). */
    private static void writeData(DataOutputStream out, INDArray a) throws IOException {
        INDArray c = a.dup('c');
        long n = c.length();
        ByteBuffer bytes;
        switch (c.dataType()) {
            case DOUBLE -> {
                double[] v = c.data().asDouble();
                bytes = ByteBuffer.allocate(8 * v.length);
                bytes.asDoubleBuffer().put(v);
            }
            case FLOAT -> {
                float[] v = c.data().asFloat();
                bytes = ByteBuffer.allocate(4 * v.length);
                bytes.asFloatBuffer().put(v);
            }
            case LONG -> {
                long[] v = c.data().asLong();
                bytes = ByteBuffer.allocate(8 * v.length);
                bytes.asLongBuffer().put(v);
            }
            case INT -> {
                int[] v = c.data().asInt();
                bytes = ByteBuffer.allocate(4 * v.length);
                bytes.asIntBuffer().put(v);
            }
            default -> throw new IOException("cannot save data type " + c.dataType() + " (" + n + " elements)");
        }
        out.write(bytes.array());
    }

    private static INDArray readData(DataInputStream in, DataType type, long[] shape, String name) throws IOException {
        long n = 1;
        for (long s : shape) {
            if (s < 0) {
                throw new IOException("corrupt state: entry '" + name + "' has shape " + Arrays.toString(shape));
            }
            n = Math.multiplyExact(n, s);
        }
        if (n > Integer.MAX_VALUE) {
            throw new IOException("entry '" + name + "' too large: " + n + " elements");
        }
        int count = (int) n;
        int width = switch (type) {
            case DOUBLE, LONG -> 8;
            case FLOAT, INT -> 4;
            default -> throw new IOException("entry '" + name + "': unsupported data type " + type);
        };
        if ((long) count * width > Integer.MAX_VALUE) {
            throw new IOException("entry '" + name + "' too large: " + n + " elements of " + type);
        }
        ByteBuffer bytes = ByteBuffer.wrap(in.readNBytes(count * width));
        if (bytes.capacity() != count * width) {
            throw new EOFException("entry '" + name + "' ends after " + bytes.capacity() + " of " + count * width
                    + " bytes");
        }
        return switch (type) {
            case DOUBLE -> {
                double[] d = new double[count];
                bytes.asDoubleBuffer().get(d);
                yield Nd4j.create(d, shape, DataType.DOUBLE);
            }
            case FLOAT -> {
                float[] f = new float[count];
                bytes.asFloatBuffer().get(f);
                yield Nd4j.create(f, shape, 'c');
            }
            case LONG -> {
                long[] l = new long[count];
                bytes.asLongBuffer().get(l);
                yield Nd4j.createFromArray(l).reshape(shape);
            }
            default -> {
                int[] v = new int[count];
                bytes.asIntBuffer().get(v);
                yield Nd4j.createFromArray(v).reshape(shape);
            }
        };
    }
}

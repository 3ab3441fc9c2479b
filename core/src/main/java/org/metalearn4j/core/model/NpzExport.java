package org.metalearn4j.core.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.metalearn4j.core.checkpoint.Checkpoint;
import org.metalearn4j.core.config.ConfigMappers;
import org.metalearn4j.core.state.StateDict;
import org.metalearn4j.core.train.TrainingCheckpoint;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Writes a model's weights as a NumPy {@code .npz} file (one {@code .npy} array per parameter and batch-norm
 * statistic, named as in the checkpoint, e.g. {@code params.backbone.0.conv.weight}) and, beside it, a JSON file
 * with the {@link ModelDescription}, the provenance and every array's shape and type, so that the weights can be
 * checked or used outside the JVM ({@code numpy.load("model.npz")}). Optimizer state and step counters are left out.
 */
public final class NpzExport {
    private static final ObjectMapper JSON = ConfigMappers.plain();

    private NpzExport() {
    }

    /** What was written: the two files and the number of arrays. */
    public record Written(Path npz, Path json, int arrays) {
    }

    /**
     * Writes {@code checkpoint}'s weights to {@code npz} and its description to {@code npz} with the extension
     * {@code .json}.
     *
     * @param source the checkpoint's file, for messages and the JSON
     */
    public static Written write(Checkpoint checkpoint, ModelDescription description, String source, Path npz) {
        StateDict learner = TrainingCheckpoint.learnerState(checkpoint, source);
        Map<String, INDArray> arrays = new TreeMap<>();
        learner.asMap().forEach((name, value) -> {
            if (name.startsWith("params.") || name.startsWith("bn.")) {
                arrays.put(name, value);
            }
        });
        String base = npz.getFileName().toString().replaceFirst("\\.npz$", "");
        Path json = npz.resolveSibling(base + ".json");
        ObjectNode meta = JSON.createObjectNode().put("source", source).put("iteration", checkpoint.iteration());
        meta.set("model", JSON.valueToTree(description));
        meta.set("provenance", JSON.valueToTree(checkpoint.provenance()));
        ObjectNode shapes = meta.putObject("arrays");
        arrays.forEach((name, value) -> {
            ObjectNode a = shapes.putObject(name).put("dtype", descr(value, name));
            Arrays.stream(value.shape()).forEach(a.putArray("shape")::add);
        });
        try {
            Path parent = npz.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path tmp = Files.createTempFile(parent, base, ".npz.tmp");
            try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(tmp))) {
                for (Map.Entry<String, INDArray> e : arrays.entrySet()) {
                    zip.putNextEntry(new ZipEntry(e.getKey() + ".npy"));
                    writeNpy(zip, e.getValue(), e.getKey());
                    zip.closeEntry();
                }
            }
            Files.move(tmp, npz, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Files.writeString(json, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(meta) + "\n",
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + npz + ": " + e.getMessage(), e);
        }
        return new Written(npz, json, arrays.size());
    }

    /** One array in NumPy's {@code .npy} format version 1.0: little-endian, C order. */
    static void writeNpy(OutputStream out, INDArray array, String name) throws IOException {
        String descr = descr(array, name);
        long[] shape = array.shape();
        String dims = shape.length == 1 ? shape[0] + "," : Arrays.stream(shape).mapToObj(Long::toString)
                .collect(Collectors.joining(", "));
        StringBuilder header = new StringBuilder("{'descr': '" + descr + "', 'fortran_order': False, 'shape': ("
                + dims + "), }");
        // The magic, version and length (10 bytes) and the header end on a multiple of 64, the header with '\n'.
        while ((10 + header.length() + 1) % 64 != 0) {
            header.append(' ');
        }
        header.append('\n');
        ByteBuffer prefix = ByteBuffer.allocate(10).order(ByteOrder.LITTLE_ENDIAN);
        prefix.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 0)
                .putShort((short) header.length());
        out.write(prefix.array());
        out.write(header.toString().getBytes(StandardCharsets.US_ASCII));
        INDArray flat = array.dup('c').reshape(array.length());
        ByteBuffer data = ByteBuffer.allocate(Math.toIntExact(array.length() * array.dataType().width()))
                .order(ByteOrder.LITTLE_ENDIAN);
        switch (array.dataType()) {
            case FLOAT -> data.asFloatBuffer().put(flat.toFloatVector());
            case DOUBLE -> data.asDoubleBuffer().put(flat.toDoubleVector());
            case LONG -> data.asLongBuffer().put(flat.toLongVector());
            case INT -> data.asIntBuffer().put(flat.toIntVector());
            default -> throw new IllegalStateException("unreachable: " + array.dataType());
        }
        out.write(data.array());
    }

    private static String descr(INDArray array, String name) {
        DataType type = array.dataType();
        return switch (type) {
            case FLOAT -> "<f4";
            case DOUBLE -> "<f8";
            case LONG -> "<i8";
            case INT -> "<i4";
            default -> throw new IllegalArgumentException(name + ": arrays of type " + type + " cannot be exported");
        };
    }
}

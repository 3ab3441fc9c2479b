package org.metalearn4j.transfer.zeroshot;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.metalearn4j.core.config.ConfigMappers;
import org.metalearn4j.core.task.Rows;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A table of class descriptors: one row of attribute values per class, read from JSON of the form
 * <pre>{@code
 * {"attributes": [{"name": "footwear", "justification": "..."}, ...],
 *  "classes": [{"index": 0, "name": "T-shirt/top", "values": [0, 1, ...]}, ...]}
 * }</pre>
 * Classes are stored in {@code index} order; indices must be exactly {@code 0..classes-1}.
 *
 * @param attributeNames names of the columns
 * @param classNames     names of the rows, in label-index order
 * @param values         [classes, attributes] float64
 */
public record ClassAttributes(List<String> attributeNames, List<String> classNames, INDArray values) {
    /** Built-in table name for the ten Fashion-MNIST classes, usable wherever a table file is expected. */
    public static final String FASHION_MNIST = "fashion-mnist";

    private static final String FASHION_MNIST_RESOURCE = "fashion-mnist-attributes.json";

    public ClassAttributes {
        attributeNames = List.copyOf(attributeNames);
        classNames = List.copyOf(classNames);
    }

    /** The built-in table when {@code nameOrFile} is {@value #FASHION_MNIST}, otherwise the JSON file it names. */
    public static ClassAttributes load(String nameOrFile) {
        if (FASHION_MNIST.equals(nameOrFile)) {
            try (InputStream in = ClassAttributes.class.getResourceAsStream(FASHION_MNIST_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("resource " + FASHION_MNIST_RESOURCE + " is missing from the jar");
                }
                return parse(ConfigMappers.readJson(new String(in.readAllBytes(), StandardCharsets.UTF_8),
                        FASHION_MNIST_RESOURCE), FASHION_MNIST_RESOURCE);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + FASHION_MNIST_RESOURCE, e);
            }
        }
        Path file = Path.of(nameOrFile);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("attribute table " + file + " does not exist (or use '" + FASHION_MNIST
                    + "' for the built-in table)");
        }
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read attribute table " + file + ": " + e.getMessage(), e);
        }
        return parse(ConfigMappers.readJson(text, file.toString()), file.toString());
    }

    /** [k, attributes] rows for the given class indices, in that order. */
    public INDArray rows(int[] classIndices) {
        for (int c : classIndices) {
            if (c < 0 || c >= classNames.size()) {
                throw new IllegalArgumentException("class index " + c + " is outside the attribute table's "
                        + classNames.size() + " classes");
            }
        }
        return Rows.gather(values, classIndices);
    }

    /** The row index of a class name; fails listing the known names. */
    public int indexOf(String className) {
        int i = classNames.indexOf(className);
        if (i < 0) {
            throw new IllegalArgumentException("class '" + className + "' is not in the attribute table; known: "
                    + classNames);
        }
        return i;
    }

    private static ClassAttributes parse(JsonNode root, String source) {
        JsonNode attrs = root.path("attributes");
        JsonNode classes = root.path("classes");
        if (!attrs.isArray() || attrs.isEmpty() || !classes.isArray() || classes.isEmpty()) {
            throw new IllegalArgumentException(source + ": expected non-empty arrays 'attributes' and 'classes'");
        }
        List<String> attributeNames = new ArrayList<>();
        for (int m = 0; m < attrs.size(); m++) {
            JsonNode name = attrs.get(m).path("name");
            if (!name.isTextual()) {
                throw new IllegalArgumentException(source + ": attributes[" + m + "].name must be a string");
            }
            attributeNames.add(name.asText());
        }
        int n = classes.size();
        String[] names = new String[n];
        double[][] values = new double[n][];
        for (int c = 0; c < n; c++) {
            JsonNode cls = classes.get(c);
            String at = source + ": classes[" + c + "]";
            int index = cls.path("index").asInt(-1);
            if (!cls.path("index").isInt() || index < 0 || index >= n || names[index] != null) {
                throw new IllegalArgumentException(at + ".index must be a distinct integer in [0, " + n + "), got "
                        + cls.path("index"));
            }
            JsonNode v = cls.path("values");
            if (!v.isArray() || v.size() != attributeNames.size()) {
                throw new IllegalArgumentException(at + ".values must list " + attributeNames.size()
                        + " numbers, one per attribute, got " + v);
            }
            values[index] = new double[v.size()];
            for (int m = 0; m < v.size(); m++) {
                if (!v.get(m).isNumber()) {
                    throw new IllegalArgumentException(at + ".values[" + m + "] (" + attributeNames.get(m)
                            + ") must be a number, got " + v.get(m));
                }
                values[index][m] = v.get(m).asDouble();
            }
            names[index] = cls.path("name").asText("class " + index);
        }
        return new ClassAttributes(attributeNames, List.of(names), Nd4j.createFromArray(values));
    }
}

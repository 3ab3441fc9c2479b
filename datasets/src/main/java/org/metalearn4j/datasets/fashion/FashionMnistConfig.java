package org.metalearn4j.datasets.fashion;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.metalearn4j.core.config.Checks;

/** Configuration of {@code fashion-mnist}; {@code metalearn config --defaults fashion-mnist} prints it. */
public record FashionMnistConfig(
        @JsonPropertyDescription("directory holding the four IDX files (train-images-idx3-ubyte[.gz] ...)")
        String path,
        @JsonPropertyDescription("classes 0-9 of the source-* and meta-train splits, in their new label order")
        List<Integer> sourceClasses,
        @JsonPropertyDescription("classes 0-9 of the target-* and meta-test splits, in their new label order")
        List<Integer> targetClasses) {
    public FashionMnistConfig {
        Checks.notBlank("path", path);
        sourceClasses = classes("sourceClasses", sourceClasses);
        targetClasses = classes("targetClasses", targetClasses);
    }

    private static List<Integer> classes(String field, List<Integer> classes) {
        Checks.atLeastItems(field, classes, 1);
        Set<Integer> seen = new HashSet<>();
        for (Integer c : classes) {
            if (c == null || c < 0 || c > 9) {
                throw new IllegalArgumentException(field + ": expected class indices in [0, 9], got " + classes);
            }
            if (!seen.add(c)) {
                throw new IllegalArgumentException(field + ": class index " + c + " is listed twice in " + classes);
            }
        }
        return List.copyOf(classes);
    }
}

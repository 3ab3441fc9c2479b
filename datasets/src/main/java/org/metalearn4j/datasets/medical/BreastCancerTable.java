package org.metalearn4j.datasets.medical;

import java.util.List;

/**
 * The Wisconsin diagnostic breast-cancer data (Wolberg, Street and Mangasarian, UCI, CC BY 4.0): 30 measurements of
 * the cell nuclei in a fine-needle aspirate image per case, and the diagnosis.
 *
 * @param features  {@code [cases][30]}, in the order of {@link #FEATURE_NAMES}
 * @param malignant 1 for a malignant tumour, 0 for a benign one
 */
public record BreastCancerTable(double[][] features, int[] malignant) {
    /** The measurements, as scikit-learn names them. */
    public static final List<String> FEATURE_NAMES = List.of("mean radius", "mean texture", "mean perimeter",
            "mean area", "mean smoothness", "mean compactness", "mean concavity", "mean concave points",
            "mean symmetry", "mean fractal dimension", "radius error", "texture error", "perimeter error",
            "area error", "smoothness error", "compactness error", "concavity error", "concave points error",
            "symmetry error", "fractal dimension error", "worst radius", "worst texture", "worst perimeter",
            "worst area", "worst smoothness", "worst compactness", "worst concavity", "worst concave points",
            "worst symmetry", "worst fractal dimension");

    public BreastCancerTable {
        if (features.length != malignant.length) {
            throw new IllegalArgumentException(features.length + " feature rows but " + malignant.length
                    + " diagnoses");
        }
    }

    /** Number of cases. */
    public int cases() {
        return features.length;
    }

    /** The column of the named measurement; fails listing the names. */
    public static int column(String name) {
        int c = FEATURE_NAMES.indexOf(name);
        if (c < 0) {
            throw new IllegalArgumentException("unknown measurement '" + name + "'; expected one of " + FEATURE_NAMES);
        }
        return c;
    }
}

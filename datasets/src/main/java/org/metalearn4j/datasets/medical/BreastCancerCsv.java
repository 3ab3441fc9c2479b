package org.metalearn4j.datasets.medical;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.metalearn4j.core.dataset.DatasetException;

/**
 * Reads scikit-learn's copy of the breast-cancer data ({@code sklearn/datasets/data/breast_cancer.csv} of the Debian
 * package {@code python3-sklearn}): a header {@code 569,30,malignant,benign} (cases, measurements, then the names of
 * target 0 and 1), then one line per case of 30 numbers and the target, where 0 means malignant.
 *
 * <p>A malformed record refuses the whole file, naming the line and field: with 569 cases a silently skipped one
 * would change every split. A case count that differs from the header's is refused likewise.
 */
public final class BreastCancerCsv {
    /** Where {@code python3-sklearn} installs the file. */
    public static final String DEBIAN_PATH = "/usr/lib/python3/dist-packages/sklearn/datasets/data/breast_cancer.csv";

    private BreastCancerCsv() {
    }

    /** The table in {@code file}; fails naming the Debian package when the file is missing. */
    public static BreastCancerTable read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new DatasetException("breast-cancer data not found at " + file + "; install the Debian package"
                    + " python3-sklearn (it ships " + DEBIAN_PATH + ") or set dataset.params.path");
        }
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(in, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    static BreastCancerTable parse(BufferedReader in, String name) throws IOException {
        String header = in.readLine();
        if (header == null) {
            throw new DatasetException(name + " is empty; expected a header such as 569,30,malignant,benign");
        }
        String[] h = header.split(",");
        int measurements = BreastCancerTable.FEATURE_NAMES.size();
        if (h.length != 4 || !h[1].trim().equals(Integer.toString(measurements))
                || !h[2].trim().equals("malignant")) {
            throw new DatasetException(name + " line 1: expected the header <cases>," + measurements
                    + ",malignant,benign, got '" + header + "'");
        }
        int declared = integer(h[0], name, 1, 1);
        List<double[]> rows = new ArrayList<>();
        List<Integer> targets = new ArrayList<>();
        String line;
        int lineNumber = 1;
        while ((line = in.readLine()) != null) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split(",", -1);
            if (f.length != measurements + 1) {
                throw new DatasetException(name + " line " + lineNumber + ": expected " + (measurements + 1)
                        + " comma-separated fields, got " + f.length);
            }
            double[] row = new double[measurements];
            for (int j = 0; j < measurements; j++) {
                row[j] = number(f[j], name, lineNumber, j + 1);
            }
            int target = integer(f[measurements], name, lineNumber, measurements + 1);
            if (target != 0 && target != 1) {
                throw new DatasetException(name + " line " + lineNumber + ", field " + (measurements + 1)
                        + ": expected the target 0 (malignant) or 1 (benign), got " + target);
            }
            rows.add(row);
            targets.add(1 - target);
        }
        if (rows.size() != declared) {
            throw new DatasetException(name + ": the header declares " + declared + " cases but the file has "
                    + rows.size());
        }
        return new BreastCancerTable(rows.toArray(new double[0][]), targets.stream().mapToInt(Integer::intValue)
                .toArray());
    }

    private static double number(String text, String name, int line, int field) {
        try {
            double v = Double.parseDouble(text.trim());
            if (Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new DatasetException(name + " line " + line + ", field " + field + " ("
                + BreastCancerTable.FEATURE_NAMES.get(field - 1) + "): expected a finite number, got '" + text + "'");
    }

    private static int integer(String text, String name, int line, int field) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new DatasetException(name + " line " + line + ", field " + field + ": expected an integer, got '"
                    + text + "'");
        }
    }
}

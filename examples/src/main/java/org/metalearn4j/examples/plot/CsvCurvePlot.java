package org.metalearn4j.examples.plot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.metalearn4j.examples.MainOptions;

/**
 * Plots every column of a CSV file against its first column, one line per column, e.g. the mean loss curves that
 * {@code LearnedOptimizerBenchmark} writes. The first row names the columns; every other row holds numbers.
 *
 * <pre>
 * java -cp "examples/target/classes:$(cat examples/target/classpath.txt)" \
 *   org.metalearn4j.examples.plot.CsvCurvePlot --csv target/l2l-quadratic.csv --out docs/l2l-quadratic.png \
 *   --title "Learned optimizer, 10-d quadratics" --y-label "mean loss" --log-y true
 * </pre>
 */
public final class CsvCurvePlot {
    private CsvCurvePlot() {
    }

    public static void main(String[] argv) throws IOException {
        MainOptions args = new MainOptions(argv, Map.of("csv", "", "out", "", "title", "", "y-label", "value",
                "log-y", "false", "width", "900", "height", "560"));
        Path csv = Path.of(args.required("csv"));
        LinePlot plot = of(Files.readAllLines(csv), csv.toString(), args.string("title"), args.string("y-label"));
        if (Boolean.parseBoolean(args.string("log-y"))) {
            plot.logY();
        }
        System.out.println("wrote " + FigureFile.write(plot, Path.of(args.required("out")), args.integer("width"),
                args.integer("height")));
    }

    /**
     * The plot of {@code lines} (a CSV file's lines, {@code source} naming it in errors).
     *
     * @throws IllegalArgumentException naming the source, line and column of a missing or non-numeric value, or if
     *                                  the file has no column to plot or no data row
     */
    static LinePlot of(List<String> lines, String source, String title, String yLabel) {
        List<String> rows = lines.stream().filter(l -> !l.isBlank()).toList();
        if (rows.size() < 2) {
            throw new IllegalArgumentException(source + ": expected a header row and at least one data row, got "
                    + rows.size() + " non-empty line(s)");
        }
        String[] header = rows.get(0).split(",", -1);
        if (header.length < 2) {
            throw new IllegalArgumentException(source + ": line 1: expected an x column and at least one column to"
                    + " plot, got '" + rows.get(0) + "'");
        }
        List<double[]> columns = new ArrayList<>();
        for (int c = 0; c < header.length; c++) {
            columns.add(new double[rows.size() - 1]);
        }
        for (int r = 1; r < rows.size(); r++) {
            String[] cells = rows.get(r).split(",", -1);
            if (cells.length != header.length) {
                throw new IllegalArgumentException(source + ": line " + (r + 1) + ": expected " + header.length
                        + " values (" + String.join(", ", header) + "), got " + cells.length);
            }
            for (int c = 0; c < cells.length; c++) {
                try {
                    columns.get(c)[r - 1] = Double.parseDouble(cells[c].trim());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(source + ": line " + (r + 1) + ", column '" + header[c]
                            + "': expected a number, got '" + cells[c] + "'", e);
                }
            }
        }
        LinePlot plot = new LinePlot(title.isEmpty() ? null : title, header[0], yLabel);
        for (int c = 1; c < header.length; c++) {
            plot.line(header[c], columns.get(0), columns.get(c));
        }
        return plot;
    }
}

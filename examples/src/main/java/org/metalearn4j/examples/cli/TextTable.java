package org.metalearn4j.examples.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Rows of text printed in columns as wide as their widest cell, so every column starts at one place. */
final class TextTable {
    private final List<List<String>> rows = new ArrayList<>();

    /** Adds a row; cells are printed with {@link String#valueOf(Object)}. */
    TextTable row(Object... cells) {
        rows.add(Arrays.stream(cells).map(String::valueOf).toList());
        return this;
    }

    /** The rows, cells separated by two spaces, the last cell of a row unpadded. */
    void print(PrintStream out) {
        List<Integer> widths = new ArrayList<>();
        for (List<String> row : rows) {
            // a row's last cell is not padded, so it does not widen its column
            for (int i = 0; i < row.size() - 1; i++) {
                if (widths.size() == i) {
                    widths.add(0);
                }
                widths.set(i, Math.max(widths.get(i), row.get(i).length()));
            }
        }
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                String cell = row.get(i);
                line.append(cell);
                if (i < row.size() - 1) {
                    line.append(" ".repeat(widths.get(i) - cell.length() + 2));
                }
            }
            out.println(line.toString().stripTrailing());
        }
    }
}

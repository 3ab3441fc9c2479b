package org.metalearn4j.examples.generative;

import java.nio.file.Path;

/**
 * Square ink images laid out in rows and columns with a one-pixel white border around each, enlarged by an integer
 * factor, written with {@link InkPng}; an empty cell stays white.
 */
final class ImageGrid {
    private final int rows;
    private final int columns;
    private final int side;
    private final int scale;
    private final int cell;
    private final float[] ink;

    ImageGrid(int rows, int columns, int side, int scale) {
        if (rows < 1 || columns < 1 || side < 1 || scale < 1) {
            throw new IllegalArgumentException("grid: rows, columns, side and scale must be >= 1, got " + rows + ", "
                    + columns + ", " + side + ", " + scale);
        }
        this.rows = rows;
        this.columns = columns;
        this.side = side;
        this.scale = scale;
        this.cell = side * scale + 2;
        this.ink = new float[rows * cell * columns * cell];
    }

    /** Puts a {@code side x side} image into cell ({@code row}, {@code column}). */
    void put(int row, int column, float[] image) {
        int width = columns * cell;
        for (int y = 0; y < side * scale; y++) {
            for (int x = 0; x < side * scale; x++) {
                int py = row * cell + 1 + y;
                int px = column * cell + 1 + x;
                ink[py * width + px] = image[(y / scale) * side + x / scale];
            }
        }
    }

    void write(Path file) {
        InkPng.write(ink, rows * cell, columns * cell, file);
    }
}

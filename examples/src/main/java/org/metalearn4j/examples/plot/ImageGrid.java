package org.metalearn4j.examples.plot;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Images in a grid, row by row, each scaled to fit its cell without changing its aspect ratio and with
 * nearest-neighbour pixels (small images such as 28 x 28 characters stay crisp), optionally captioned: generated
 * samples, a task's support set, reconstructions beside their originals.
 */
public final class ImageGrid implements Figure {
    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 16);
    private static final Font CAPTION = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    private static final int PAD = 6;

    private record Cell(BufferedImage image, String caption) {
    }

    private final String title;
    private final int columns;
    private final List<Cell> cells = new ArrayList<>();

    /**
     * @param title   shown above the grid, or null
     * @param columns images per row, at least 1
     */
    public ImageGrid(String title, int columns) {
        if (columns < 1) {
            throw new IllegalArgumentException("an image grid needs at least 1 column, got " + columns);
        }
        this.title = title;
        this.columns = columns;
    }

    /** Adds the next image, with a caption below it (or null). */
    public ImageGrid add(BufferedImage image, String caption) {
        cells.add(new Cell(Objects.requireNonNull(image, "image"), caption));
        return this;
    }

    /** How many images were added. */
    public int size() {
        return cells.size();
    }

    /**
     * A grayscale image from {@code pixels[row][column]} in [0, 1] (0 black, 1 white); values outside are clipped and
     * NaN is drawn black.
     */
    public static BufferedImage gray(double[][] pixels) {
        int height = pixels.length;
        int width = height == 0 ? 0 : pixels[0].length;
        if (height == 0 || width == 0) {
            throw new IllegalArgumentException("an image needs at least one pixel");
        }
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        for (int r = 0; r < height; r++) {
            if (pixels[r].length != width) {
                throw new IllegalArgumentException("image row " + r + " has " + pixels[r].length + " pixels, row 0 has "
                        + width);
            }
            for (int c = 0; c < width; c++) {
                double v = pixels[r][c];
                int level = Double.isNaN(v) ? 0 : (int) Math.round(255 * Math.max(0, Math.min(1, v)));
                image.getRaster().setSample(c, r, 0, level);
            }
        }
        return image;
    }

    /** {@link #gray(double[][])} of a row-major array of {@code height * width} values. */
    public static BufferedImage gray(double[] pixels, int height, int width) {
        if (pixels.length != height * width) {
            throw new IllegalArgumentException("expected " + height + " x " + width + " = " + height * width
                    + " pixels, got " + pixels.length);
        }
        double[][] rows = new double[height][width];
        for (int r = 0; r < height; r++) {
            System.arraycopy(pixels, r * width, rows[r], 0, width);
        }
        return gray(rows);
    }

    @Override
    public void draw(Graphics2D g, Rectangle2D area) {
        Graphics2D g2 = (Graphics2D) g.create();
        try {
            g2.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
            g2.setColor(Color.BLACK);
            double top = area.getY() + PAD;
            if (title != null) {
                g2.setFont(TITLE);
                FontMetrics fm = g2.getFontMetrics();
                g2.drawString(title, (float) (area.getCenterX() - fm.stringWidth(title) / 2.0),
                        (float) (top + fm.getAscent()));
                top += fm.getHeight() + PAD;
            }
            if (cells.isEmpty()) {
                return;
            }
            g2.setFont(CAPTION);
            FontMetrics fm = g2.getFontMetrics();
            boolean captions = cells.stream().anyMatch(c -> c.caption() != null);
            int rows = (cells.size() + columns - 1) / columns;
            double cellWidth = (area.getWidth() - PAD) / columns;
            double cellHeight = (area.getMaxY() - top) / rows;
            double imageHeight = cellHeight - PAD - (captions ? fm.getHeight() : 0);
            for (int i = 0; i < cells.size(); i++) {
                Cell cell = cells.get(i);
                double x = area.getX() + PAD + (i % columns) * cellWidth;
                double y = top + (i / columns) * cellHeight;
                double boxWidth = cellWidth - PAD;
                double scale = Math.min(boxWidth / cell.image().getWidth(), imageHeight / cell.image().getHeight());
                int w = Math.max(1, (int) Math.floor(cell.image().getWidth() * scale));
                int h = Math.max(1, (int) Math.floor(cell.image().getHeight() * scale));
                int left = (int) Math.round(x + (boxWidth - w) / 2);
                g2.drawImage(cell.image(), left, (int) Math.round(y), w, h, null);
                if (cell.caption() != null) {
                    g2.drawString(cell.caption(), (float) (x + (boxWidth - fm.stringWidth(cell.caption())) / 2),
                            (float) (y + h + fm.getAscent()));
                }
            }
        } finally {
            g2.dispose();
        }
    }
}

package org.metalearn4j.examples.plot;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.jfree.svg.SVGGraphics2D;
import org.metalearn4j.core.spi.ConfigException;

/** Writes a {@link Figure} to a {@code .png} or {@code .svg} file. */
public final class FigureFile {
    static {
        // Drawing into images needs no display; without this AWT may look for one on a server.
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private FigureFile() {
    }

    /** The file formats, chosen by the file name's extension. */
    public enum Format {
        PNG, SVG;

        /**
         * @throws ConfigException naming the file if its extension is neither {@code .png} nor {@code .svg}
         */
        public static Format of(Path file) {
            String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
            if (name.endsWith(".png")) {
                return PNG;
            }
            if (name.endsWith(".svg")) {
                return SVG;
            }
            throw new ConfigException("out", "cannot tell the image format of " + file + ": expected a file name "
                    + "ending in .png or .svg");
        }
    }

    /**
     * Draws {@code figure} at {@code width} x {@code height} pixels (SVG: user units) into {@code file}, creating its
     * directory. The file appears whole or not at all: it is written beside and then moved into place.
     *
     * @return the file
     * @throws ConfigException if the extension is not {@code .png} or {@code .svg}, or the size is not positive
     */
    public static Path write(Figure figure, Path file, int width, int height) {
        Format format = Format.of(file);
        if (width < 1 || height < 1) {
            throw new ConfigException("size", "figure size must be positive, got " + width + " x " + height);
        }
        Path target = file.toAbsolutePath();
        Path temp = target.resolveSibling("." + target.getFileName() + ".tmp");
        try {
            Files.createDirectories(target.getParent());
            try (OutputStream out = Files.newOutputStream(temp)) {
                if (format == Format.PNG) {
                    ImageIO.write(png(figure, width, height), "png", out);
                } else {
                    out.write(svg(figure, width, height).getBytes(StandardCharsets.UTF_8));
                }
            }
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // The write already failed; that error is the one to report.
            }
            throw new UncheckedIOException("cannot write figure " + file + ": " + e.getMessage(), e);
        }
        return file;
    }

    /** The figure as an opaque RGB image on white. */
    public static BufferedImage png(Figure figure, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            figure.draw(g, new Rectangle2D.Double(0, 0, width, height));
        } finally {
            g.dispose();
        }
        return image;
    }

    /** The figure as a standalone SVG document. */
    public static String svg(Figure figure, int width, int height) {
        SVGGraphics2D g = new SVGGraphics2D(width, height);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        figure.draw(g, new Rectangle2D.Double(0, 0, width, height));
        return g.getSVGDocument();
    }
}

package org.metalearn4j.examples.generative;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Writes ink values (1 = black stroke, 0 = white paper, as the data sets decode Omniglot) as an 8-bit grey PNG, so
 * generated characters look like the data set's images and read back as the same ink values.
 */
public final class InkPng {
    private InkPng() {
    }

    /**
     * Writes {@code ink} ({@code height * width} values in {@code [0, 1]}, row-major; values outside are clipped).
     *
     * @throws UncheckedIOException naming the file when it cannot be written
     */
    public static void write(float[] ink, int height, int width, Path file) {
        if (ink.length != height * width) {
            throw new IllegalArgumentException("InkPng: " + ink.length + " values for a " + width + "x" + height
                    + " image");
        }
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        int[] grey = new int[ink.length];
        for (int i = 0; i < ink.length; i++) {
            grey[i] = (int) Math.round(255 * (1 - Math.min(1, Math.max(0, ink[i]))));
        }
        image.getRaster().setSamples(0, 0, width, height, 0, grey);
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            if (!ImageIO.write(image, "png", file.toFile())) {
                throw new IOException("no PNG writer available");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}

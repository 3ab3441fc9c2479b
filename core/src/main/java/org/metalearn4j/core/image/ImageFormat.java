package org.metalearn4j.core.image;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * How a data set turns a picture into the values a model sees: one grey channel of {@code height x width} pixels,
 * area-averaged from any source size ({@link AreaResize}), each in {@code [0, 1]}. Recorded in a model file so that
 * an application's pictures are prepared exactly as the training images were.
 *
 * @param height rows of the model's input
 * @param width  columns of the model's input
 * @param ink    which end of the grey scale is 1: {@link Ink#DARK} for dark strokes on paper (Omniglot),
 *               {@link Ink#LIGHT} for light objects on a dark background (Fashion-MNIST)
 */
public record ImageFormat(int height, int width, Ink ink) {

    /** Which pixels count as 1. */
    public enum Ink {
        /** Black is 1, white 0 (one minus the luminance). */
        DARK,
        /** White is 1, black 0 (the luminance). */
        LIGHT
    }

    public ImageFormat {
        if (height < 1 || width < 1) {
            throw new IllegalArgumentException("image size must be at least 1x1, got " + height + "x" + width);
        }
        if (ink == null) {
            throw new IllegalArgumentException("ink must be DARK or LIGHT");
        }
    }

    /** The example shape this format produces: {@code [1, height, width]}. */
    public long[] shape() {
        return new long[] {1, height, width};
    }

    /** Reads an image file (any format ImageIO reads) and converts it, see {@link #values(BufferedImage)}. */
    public float[] values(Path file) {
        BufferedImage image;
        try {
            image = ImageIO.read(file.toFile());
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException(file + ": not a readable image (" + e.getMessage() + ")", e);
        }
        if (image == null) {
            throw new IllegalArgumentException(file + ": not a readable image (no image decoder recognised it)");
        }
        return values(image);
    }

    /** The model's input for {@code image}: grey levels as {@link #ink} says, resized to this size, row-major. */
    public float[] values(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        float[] darkness = new float[w * h];
        if (image.getColorModel() instanceof IndexColorModel palette) {
            // Omniglot's 1-bit PNGs: map each palette entry once instead of converting every pixel to ARGB.
            float[] ofIndex = new float[palette.getMapSize()];
            for (int i = 0; i < ofIndex.length; i++) {
                ofIndex[i] = darkness(palette.getRGB(i));
            }
            int[] indices = image.getRaster().getSamples(0, 0, w, h, 0, (int[]) null);
            for (int i = 0; i < indices.length; i++) {
                darkness[i] = ofIndex[indices[i]];
            }
        } else if (image.getRaster().getNumBands() == 1) {
            // Grey images: the stored sample is the intended level; getRGB would apply a gamma conversion to it.
            int max = (1 << image.getColorModel().getComponentSize(0)) - 1;
            int[] samples = image.getRaster().getSamples(0, 0, w, h, 0, (int[]) null);
            for (int i = 0; i < samples.length; i++) {
                darkness[i] = 1f - samples[i] / (float) max;
            }
        } else {
            int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
            for (int i = 0; i < argb.length; i++) {
                darkness[i] = darkness(argb[i]);
            }
        }
        float[] resized = AreaResize.resize(darkness, h, w, height, width);
        for (int i = 0; i < resized.length; i++) {
            // Float rounding of the area weights can give 1.0000002 inside solid strokes; values are exactly [0, 1].
            float v = Math.min(1f, Math.max(0f, resized[i]));
            resized[i] = ink == Ink.DARK ? v : 1f - v;
        }
        return resized;
    }

    /** Darkness of an ARGB colour: 1 for black, 0 for white (ITU-R BT.601 luma). */
    private static float darkness(int argb) {
        int luminance = (((argb >> 16) & 0xFF) * 299 + ((argb >> 8) & 0xFF) * 587 + (argb & 0xFF) * 114) / 1000;
        return 1f - luminance / 255f;
    }
}

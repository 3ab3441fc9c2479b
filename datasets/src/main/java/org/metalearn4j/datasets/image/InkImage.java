package org.metalearn4j.datasets.image;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import javax.imageio.stream.MemoryCacheImageInputStream;
import org.metalearn4j.core.dataset.DatasetException;

/**
 * Decodes a PNG of dark strokes on a light background (Omniglot) into ink values: 1 where the pixel is black, 0
 * where it is white, proportional to darkness in between. Works for any colour model ImageIO reads.
 */
public final class InkImage {
    private InkImage() {
    }

    /**
     * Decodes {@code png} and returns a square {@code size x size} ink image, row-major.
     *
     * @param where names the file or archive entry in error messages
     * @throws DatasetException naming {@code where} when the bytes are not a readable image
     */
    public static float[] decode(byte[] png, int size, String where) {
        BufferedImage image;
        try {
            // An in-memory stream: ImageIO.read(InputStream) would buffer every image through a temporary file.
            image = ImageIO.read(new MemoryCacheImageInputStream(new ByteArrayInputStream(png)));
        } catch (IOException | RuntimeException e) {
            throw new DatasetException(where + ": not a readable PNG image (" + e.getMessage() + ")", e);
        }
        if (image == null) {
            throw new DatasetException(where + ": not a readable PNG image (" + png.length
                    + " bytes, no image decoder recognised them)");
        }
        int w = image.getWidth();
        int h = image.getHeight();
        float[] ink = new float[w * h];
        if (image.getColorModel() instanceof IndexColorModel palette) {
            // Omniglot's 1-bit PNGs: map each palette entry once instead of converting every pixel to ARGB.
            float[] inkOfIndex = new float[palette.getMapSize()];
            for (int i = 0; i < inkOfIndex.length; i++) {
                inkOfIndex[i] = ink(palette.getRGB(i));
            }
            int[] indices = image.getRaster().getSamples(0, 0, w, h, 0, (int[]) null);
            for (int i = 0; i < indices.length; i++) {
                ink[i] = inkOfIndex[indices[i]];
            }
        } else if (image.getRaster().getNumBands() == 1) {
            // Grey PNGs: the stored sample is the intended level; getRGB would apply a gamma conversion to it.
            int max = (1 << image.getColorModel().getComponentSize(0)) - 1;
            int[] samples = image.getRaster().getSamples(0, 0, w, h, 0, (int[]) null);
            for (int i = 0; i < samples.length; i++) {
                ink[i] = 1f - samples[i] / (float) max;
            }
        } else {
            int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
            for (int i = 0; i < argb.length; i++) {
                ink[i] = ink(argb[i]);
            }
        }
        float[] resized = AreaResize.resize(ink, h, w, size, size);
        // Float rounding of the area weights can give 1.0000002 inside solid strokes; ink is exactly [0, 1].
        for (int i = 0; i < resized.length; i++) {
            resized[i] = Math.min(1f, Math.max(0f, resized[i]));
        }
        return resized;
    }

    /** Darkness of an ARGB colour: 1 for black, 0 for white (ITU-R BT.601 luma). */
    private static float ink(int argb) {
        int luminance = (((argb >> 16) & 0xFF) * 299 + ((argb >> 8) & 0xFF) * 587 + (argb & 0xFF) * 114) / 1000;
        return 1f - luminance / 255f;
    }
}

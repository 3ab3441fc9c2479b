package org.metalearn4j.datasets.image;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
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
            image = ImageIO.read(new ByteArrayInputStream(png));
        } catch (IOException | RuntimeException e) {
            throw new DatasetException(where + ": not a readable PNG image (" + e.getMessage() + ")", e);
        }
        if (image == null) {
            throw new DatasetException(where + ": not a readable PNG image (" + png.length
                    + " bytes, no image decoder recognised them)");
        }
        int w = image.getWidth();
        int h = image.getHeight();
        int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
        float[] ink = new float[w * h];
        for (int i = 0; i < argb.length; i++) {
            int p = argb[i];
            int luminance = (((p >> 16) & 0xFF) * 299 + ((p >> 8) & 0xFF) * 587 + (p & 0xFF) * 114) / 1000;
            ink[i] = 1f - luminance / 255f;
        }
        float[] resized = AreaResize.resize(ink, h, w, size, size);
        // Float rounding of the area weights can give 1.0000002 inside solid strokes; ink is exactly [0, 1].
        for (int i = 0; i < resized.length; i++) {
            resized[i] = Math.min(1f, Math.max(0f, resized[i]));
        }
        return resized;
    }
}

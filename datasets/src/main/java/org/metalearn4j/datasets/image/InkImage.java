package org.metalearn4j.datasets.image;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import javax.imageio.stream.MemoryCacheImageInputStream;
import org.metalearn4j.core.dataset.DatasetException;
import org.metalearn4j.core.image.ImageFormat;

/**
 * Decodes a PNG of dark strokes on a light background (Omniglot) into ink values: 1 where the pixel is black, 0
 * where it is white, proportional to darkness in between ({@link ImageFormat} with dark ink, as applications
 * prepare their pictures for a saved model).
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
        return new ImageFormat(size, size, ImageFormat.Ink.DARK).values(image);
    }
}

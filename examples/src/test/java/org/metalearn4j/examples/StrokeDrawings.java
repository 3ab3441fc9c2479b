package org.metalearn4j.examples;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.Random;

/** Character-like test images for the tests that feed image files or pictures to a trained model. */
public final class StrokeDrawings {
    private StrokeDrawings() {
    }

    /**
     * A few dark strokes on white, the same for the same {@code shape}, moved slightly by {@code variant}; 56x56, so
     * larger than a model's 28x28 input and resized on the way in.
     */
    public static BufferedImage drawing(int shape, int variant) {
        BufferedImage image = new BufferedImage(56, 56, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 56, 56);
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(4));
        Random strokes = new Random(shape);
        Random jitter = new Random(variant);
        for (int i = 0; i < 3; i++) {
            g.drawLine(strokes.nextInt(56) + jitter.nextInt(5), strokes.nextInt(56), strokes.nextInt(56),
                    strokes.nextInt(56) + jitter.nextInt(5));
        }
        g.dispose();
        return image;
    }
}

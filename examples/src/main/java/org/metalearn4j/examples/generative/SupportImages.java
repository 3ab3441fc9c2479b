package org.metalearn4j.examples.generative;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.imageio.stream.MemoryCacheImageInputStream;
import org.metalearn4j.core.dataset.DatasetException;
import org.metalearn4j.datasets.image.InkImage;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The support images of one character as a few-shot generator takes them: every {@code *.png} file of a directory
 * (in name order), decoded to ink values as the Omniglot data sets decode theirs. An image must already have the
 * generator's size, or Omniglot's original 105 x 105 pixels (then it is area-resized as the data sets resize).
 *
 * @param images {@code [k, 1, side, side]} ink values in {@code [0, 1]}
 * @param files  the files, in the order of {@code images}
 */
public record SupportImages(INDArray images, List<Path> files) {
    /** Side of Omniglot's original images. */
    public static final int OMNIGLOT_SIDE = 105;

    public SupportImages {
        files = List.copyOf(files);
    }

    /**
     * Reads the PNG images of {@code dir} as {@code side x side} ink images.
     *
     * @throws IllegalArgumentException naming the directory or file when the directory has no PNG images, or a file is
     *                                  empty, not a readable image or of another size
     */
    public static SupportImages read(Path dir, int side) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException(dir + " is not a directory; expected a directory of PNG images of one"
                    + " character");
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(dir)) {
            files = listing.filter(Files::isRegularFile)
                    .filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png")).sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException(dir + " holds no PNG images (*.png); expected a few images of one"
                    + " character");
        }
        float[] ink = new float[files.size() * side * side];
        for (int i = 0; i < files.size(); i++) {
            System.arraycopy(decode(files.get(i), side), 0, ink, i * side * side, side * side);
        }
        return new SupportImages(Nd4j.create(ink, new long[] {files.size(), 1, side, side}, 'c')
                .castTo(DataType.FLOAT), files);
    }

    private static float[] decode(Path file, int side) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot be read (" + e.getMessage() + ")", e);
        }
        if (bytes.length == 0) {
            throw new IllegalArgumentException(file + " is empty (0 bytes); expected a PNG image");
        }
        BufferedImage image;
        try {
            image = ImageIO.read(new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes)));
        } catch (IOException | RuntimeException e) {
            image = null;
        }
        if (image == null) {
            throw new IllegalArgumentException(file + ": not a readable PNG image (" + bytes.length + " bytes)");
        }
        int w = image.getWidth();
        int h = image.getHeight();
        if (!(w == side && h == side) && !(w == OMNIGLOT_SIDE && h == OMNIGLOT_SIDE)) {
            throw new IllegalArgumentException(file + " is " + w + "x" + h + " pixels; expected " + side + "x" + side
                    + " (the generator's images) or " + OMNIGLOT_SIDE + "x" + OMNIGLOT_SIDE + " (an original Omniglot"
                    + " image, resized as the data set resizes it)");
        }
        try {
            return InkImage.decode(bytes, side, file.toString());
        } catch (DatasetException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}

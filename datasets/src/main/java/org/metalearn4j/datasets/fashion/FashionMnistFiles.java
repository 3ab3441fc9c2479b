package org.metalearn4j.datasets.fashion;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.metalearn4j.core.dataset.DatasetException;
import org.metalearn4j.core.spi.ConfigException;
import org.metalearn4j.core.dataset.ClassStore;

/**
 * Loads one Fashion-MNIST part ({@code train} or {@code t10k}) from its IDX image and label files into a
 * {@link ClassStore}: images become float32 {@code [1, 28, 28]} with value/255 (bright garment 1, background 0),
 * grouped by label, keeping file order within a class.
 */
public final class FashionMnistFiles {
    /** Label names in label order, as published by Zalando Research. */
    public static final String[] CLASS_NAMES = {"T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal",
        "Shirt", "Sneaker", "Bag", "Ankle boot"};

    private FashionMnistFiles() {
    }

    /** Loads {@code <prefix>-images-idx3-ubyte[.gz]} and {@code <prefix>-labels-idx1-ubyte[.gz]} from {@code dir}. */
    public static ClassStore load(Path dir, String prefix) {
        Path imagesFile = locate(dir, prefix + "-images-idx3-ubyte");
        Path labelsFile = locate(dir, prefix + "-labels-idx1-ubyte");
        IdxArray images = IdxReader.read(imagesFile, 3);
        IdxArray labels = IdxReader.read(labelsFile, 1);
        if (images.items() != labels.items()) {
            throw new DatasetException(imagesFile + " has " + images.items() + " images but " + labelsFile + " has "
                    + labels.items() + " labels");
        }
        int h = images.dims()[1];
        int w = images.dims()[2];
        int size = h * w;
        int[] counts = new int[CLASS_NAMES.length];
        for (int i = 0; i < labels.items(); i++) {
            int label = labels.data()[i] & 0xFF;
            if (label >= CLASS_NAMES.length) {
                throw new DatasetException(labelsFile + ": label " + label + " at index " + i + " is outside 0.."
                        + (CLASS_NAMES.length - 1));
            }
            counts[label]++;
        }
        float[][] packed = new float[CLASS_NAMES.length][];
        for (int c = 0; c < packed.length; c++) {
            packed[c] = new float[counts[c] * size];
        }
        int[] filled = new int[CLASS_NAMES.length];
        byte[] pixels = images.data();
        for (int i = 0; i < labels.items(); i++) {
            int label = labels.data()[i] & 0xFF;
            float[] target = packed[label];
            int at = filled[label]++ * size;
            for (int p = 0; p < size; p++) {
                target[at + p] = (pixels[i * size + p] & 0xFF) / 255f;
            }
        }
        ClassStore.Builder builder = ClassStore.builder(1, h, w);
        for (int c = 0; c < packed.length; c++) {
            builder.addPacked(CLASS_NAMES[c], packed[c], counts[c]);
        }
        return builder.build();
    }

    /** The gzipped file if present, else the plain one; fails saying where it looked. */
    static Path locate(Path dir, String baseName) {
        Path gz = dir.resolve(baseName + ".gz");
        Path plain = dir.resolve(baseName);
        for (Path candidate : Arrays.asList(gz, plain)) {
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        String where = Files.isDirectory(dir) ? "" : " (the directory " + dir.toAbsolutePath() + " does not exist)";
        // The 'path' param decides where to look, so a missing file is reported at that field (a config error).
        throw new ConfigException("path", "Fashion-MNIST file " + baseName + " not found: looked for "
                + gz.toAbsolutePath()
                + " and " + plain.toAbsolutePath() + where
                + "; install the Debian package dataset-fashion-mnist or set the data set's 'path'");
    }
}

package org.metalearn4j.datasets.text;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.zip.CRC32;

/**
 * The input featurisation of text: hashed character n-grams (the "hashing trick", Weinberger et al. 2009). The text
 * is lower-cased and padded with a space at each end, every character n-gram for n in {@code [minN, maxN]} is hashed
 * (CRC-32 of its UTF-8 bytes, identical on every machine) into one of {@code dimensions} buckets, and the counts
 * become {@code log(1 + count)} scaled to unit length. Nothing is learned here: the encoder that learns from these
 * vectors is the learner's backbone, trained from scratch (no pretrained word vectors exist offline).
 */
public final class CharNgramFeatures {
    private final int dimensions;
    private final int minN;
    private final int maxN;

    public CharNgramFeatures(int dimensions, int minN, int maxN) {
        if (dimensions < 1 || minN < 1 || maxN < minN) {
            throw new IllegalArgumentException("expected dimensions >= 1 and 1 <= minN <= maxN, got " + dimensions
                    + ", " + minN + ", " + maxN);
        }
        this.dimensions = dimensions;
        this.minN = minN;
        this.maxN = maxN;
    }

    /** The feature vector of {@code text}. */
    public float[] of(String text) {
        String padded = " " + text.toLowerCase(Locale.ROOT) + " ";
        double[] counts = new double[dimensions];
        CRC32 crc = new CRC32();
        for (int n = minN; n <= maxN; n++) {
            for (int i = 0; i + n <= padded.length(); i++) {
                crc.reset();
                crc.update(padded.substring(i, i + n).getBytes(StandardCharsets.UTF_8));
                counts[(int) (crc.getValue() % dimensions)]++;
            }
        }
        double norm = 0;
        for (int j = 0; j < dimensions; j++) {
            counts[j] = Math.log1p(counts[j]);
            norm += counts[j] * counts[j];
        }
        float[] out = new float[dimensions];
        double scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
        for (int j = 0; j < dimensions; j++) {
            out[j] = (float) (counts[j] * scale);
        }
        return out;
    }
}

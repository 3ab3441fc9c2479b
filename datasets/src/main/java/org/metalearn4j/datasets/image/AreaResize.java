package org.metalearn4j.datasets.image;

/**
 * Downsampling by area averaging: each output pixel is the mean of the source area it covers, with source pixels
 * cut by an output boundary weighted by the covered fraction (105 to 28 maps 3.75 x 3.75 source pixels to one).
 * Unlike nearest-neighbour it keeps thin strokes visible; unlike bilinear it uses every source pixel. Separable: rows
 * first, then columns.
 */
public final class AreaResize {
    private AreaResize() {
    }

    /** Resizes a row-major {@code h x w} image to {@code oh x ow}. */
    public static float[] resize(float[] src, int h, int w, int oh, int ow) {
        if (src.length != h * w) {
            throw new IllegalArgumentException("image has " + src.length + " values, expected " + h + "x" + w);
        }
        if (h == oh && w == ow) {
            return src.clone();
        }
        float[][] colWeights = weights(w, ow);
        float[][] rowWeights = weights(h, oh);
        float[] horizontal = new float[h * ow];
        for (int y = 0; y < h; y++) {
            for (int ox = 0; ox < ow; ox++) {
                horizontal[y * ow + ox] = dot(src, y * w, colWeights[ox]);
            }
        }
        float[] out = new float[oh * ow];
        for (int oy = 0; oy < oh; oy++) {
            float[] wy = rowWeights[oy];
            for (int y = 0; y < h; y++) {
                float weight = wy[y];
                if (weight != 0f) {
                    for (int ox = 0; ox < ow; ox++) {
                        out[oy * ow + ox] += weight * horizontal[y * ow + ox];
                    }
                }
            }
        }
        return out;
    }

    private static float dot(float[] src, int offset, float[] weights) {
        float sum = 0f;
        for (int x = 0; x < weights.length; x++) {
            if (weights[x] != 0f) {
                sum += weights[x] * src[offset + x];
            }
        }
        return sum;
    }

    /** {@code weights[o][i]}: share of source pixel i in output pixel o; each row sums to 1. */
    private static float[][] weights(int n, int on) {
        float[][] weights = new float[on][n];
        double scale = (double) n / on;
        for (int o = 0; o < on; o++) {
            double start = o * scale;
            double end = start + scale;
            for (int i = (int) Math.floor(start); i < Math.min(n, (int) Math.ceil(end)); i++) {
                double overlap = Math.min(end, i + 1) - Math.max(start, i);
                weights[o][i] = (float) (overlap / scale);
            }
        }
        return weights;
    }
}

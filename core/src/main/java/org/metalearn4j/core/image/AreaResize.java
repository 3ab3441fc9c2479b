package org.metalearn4j.core.image;

/**
 * Downsampling by area averaging: each output pixel is the mean of the source area it covers, with source pixels
 * cut by an output boundary weighted by the covered fraction (105 to 28 maps 3.75 x 3.75 source pixels to one).
 * Unlike nearest-neighbour it keeps thin strokes visible; unlike bilinear it uses every source pixel. Separable: rows
 * first, then columns; each output pixel only visits the few source pixels it overlaps.
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
        Footprints cols = new Footprints(w, ow);
        Footprints rows = new Footprints(h, oh);
        float[] horizontal = new float[h * ow];
        for (int y = 0; y < h; y++) {
            for (int ox = 0; ox < ow; ox++) {
                float sum = 0f;
                float[] weights = cols.weights[ox];
                int first = cols.first[ox];
                for (int k = 0; k < weights.length; k++) {
                    sum += weights[k] * src[y * w + first + k];
                }
                horizontal[y * ow + ox] = sum;
            }
        }
        float[] out = new float[oh * ow];
        for (int oy = 0; oy < oh; oy++) {
            float[] weights = rows.weights[oy];
            int first = rows.first[oy];
            for (int k = 0; k < weights.length; k++) {
                int y = first + k;
                for (int ox = 0; ox < ow; ox++) {
                    out[oy * ow + ox] += weights[k] * horizontal[y * ow + ox];
                }
            }
        }
        return out;
    }

    /** For each output pixel: the first source pixel it overlaps and the covered share of each overlapped pixel. */
    private static final class Footprints {
        final int[] first;
        final float[][] weights;

        Footprints(int n, int on) {
            first = new int[on];
            weights = new float[on][];
            double scale = (double) n / on;
            for (int o = 0; o < on; o++) {
                double start = o * scale;
                double end = start + scale;
                int lo = (int) Math.floor(start);
                int hi = Math.min(n, (int) Math.ceil(end));
                first[o] = lo;
                weights[o] = new float[hi - lo];
                for (int i = lo; i < hi; i++) {
                    double overlap = Math.min(end, i + 1) - Math.max(start, i);
                    weights[o][i - lo] = (float) (overlap / scale);
                }
            }
        }
    }
}

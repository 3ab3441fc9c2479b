package org.metalearn4j.datasets.image;

/** Exact rotations of square images by multiples of 90 degrees (Omniglot's rotation-augmented classes). */
public final class Rotation {
    private Rotation() {
    }

    /**
     * Rotates a row-major {@code size x size} image counter-clockwise by {@code quarterTurns * 90} degrees, as numpy's
     * {@code rot90}: after one turn the top row holds what was the right column.
     */
    public static float[] rotate(float[] src, int size, int quarterTurns) {
        int turns = Math.floorMod(quarterTurns, 4);
        float[] out = src.clone();
        for (int t = 0; t < turns; t++) {
            float[] in = out;
            out = new float[in.length];
            for (int r = 0; r < size; r++) {
                for (int c = 0; c < size; c++) {
                    out[r * size + c] = in[c * size + (size - 1 - r)];
                }
            }
        }
        return out;
    }
}

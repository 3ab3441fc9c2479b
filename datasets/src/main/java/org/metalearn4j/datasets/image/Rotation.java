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
        float[] out = new float[size * size];
        rotateInto(src, size, quarterTurns, out, 0);
        return out;
    }

    /**
     * {@link #rotate} written into {@code dst} from {@code offset}, so callers that pack many images into one array
     * (a class of a store) need no array per image.
     */
    public static void rotateInto(float[] src, int size, int quarterTurns, float[] dst, int offset) {
        if (src.length != size * size) {
            throw new IllegalArgumentException("rotate: image of " + src.length + " values, expected " + size + " x "
                    + size);
        }
        int last = size - 1;
        // where output pixel (0, 0) comes from, and how the source index moves per output row and per output column
        int[] walk = switch (Math.floorMod(quarterTurns, 4)) {
            case 0 -> new int[] {0, size, 1};
            case 1 -> new int[] {last, -1, size};
            case 2 -> new int[] {last * size + last, -size, -1};
            default -> new int[] {last * size, 1, -size};
        };
        for (int r = 0; r < size; r++) {
            int from = walk[0] + r * walk[1];
            for (int c = 0; c < size; c++, from += walk[2]) {
                dst[offset + r * size + c] = src[from];
            }
        }
    }
}

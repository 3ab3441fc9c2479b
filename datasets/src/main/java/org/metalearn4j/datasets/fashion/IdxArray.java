package org.metalearn4j.datasets.fashion;

/**
 * The content of an unsigned-byte IDX file: its dimensions and raw values, row-major.
 *
 * @param dims e.g. {@code [60000, 28, 28]} for images, {@code [60000]} for labels
 * @param data {@code product(dims)} unsigned bytes
 */
public record IdxArray(int[] dims, byte[] data) {
    /** Size of the first dimension (the number of items). */
    public int items() {
        return dims[0];
    }

    /** Values per item. */
    public int itemSize() {
        int size = 1;
        for (int d = 1; d < dims.length; d++) {
            size *= dims[d];
        }
        return size;
    }
}

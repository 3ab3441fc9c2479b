package org.metalearn4j.core.tensor;

/**
 * Axis order of a rank-4 image batch. {@code NCHW} is the public convention of the engine (datasets, backbones'
 * inputs); {@code NHWC} (channels last) is what oneDNN's direct convolution and pooling kernels read and write
 * natively on this CPU, so a network that stays in it avoids a layout conversion around every kernel.
 */
public enum ImageLayout {
    /** {@code [batch, channels, height, width]}. */
    NCHW,
    /** {@code [batch, height, width, channels]}. */
    NHWC;

    /** The axis that holds the channels: 1 or 3. */
    public int channelAxis() {
        return this == NCHW ? 1 : 3;
    }

    /** Index of the height axis; width follows it. */
    int heightAxis() {
        return this == NCHW ? 2 : 1;
    }

    /** The shape of a batch of {@code n} images with {@code c} channels of {@code h x w} in this layout. */
    long[] shape(long n, long c, long h, long w) {
        return this == NCHW ? new long[] {n, c, h, w} : new long[] {n, h, w, c};
    }

    /** The data-format integer argument of libnd4j's conv and pooling ops. */
    int opCode() {
        return this == NCHW ? 0 : 1;
    }
}

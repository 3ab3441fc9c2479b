package org.metalearn4j.examples.generative;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * How much generated samples of one class differ: the largest difference, over pixels, between the brightest and the
 * darkest sample at that pixel. Below half a grey level of an 8-bit image ({@link #COLLAPSE}) every sample would be
 * written as the same PNG: the generator has collapsed onto one output and ignores its noise.
 *
 * @param samples    how many samples were compared
 * @param largestRange the largest per-pixel range, in ink units ({@code [0, 1]})
 */
public record SampleSpread(int samples, double largestRange) {
    /** Half an 8-bit grey level. */
    public static final double COLLAPSE = 0.5 / 255;

    /** The spread of {@code samples [n, ...]}, n at least 2. */
    public static SampleSpread of(INDArray samples) {
        long n = samples.size(0);
        if (n < 2) {
            throw new IllegalArgumentException("the spread of samples needs at least 2, got " + n);
        }
        INDArray flat = samples.reshape(n, samples.length() / n);
        double range = flat.max(0).sub(flat.min(0)).maxNumber().doubleValue();
        return new SampleSpread(Math.toIntExact(n), range);
    }

    /** Whether all samples are the same image at 8 bits. */
    public boolean collapsed() {
        return largestRange < COLLAPSE;
    }
}

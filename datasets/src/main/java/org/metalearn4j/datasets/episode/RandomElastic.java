package org.metalearn4j.datasets.episode;

import java.util.SplittableRandom;
import org.metalearn4j.core.task.TaskSource;

/**
 * Elastic distortion (Simard et al. 2003) of every support and query image of an episode, each with its own random
 * displacement field: a uniform random vector in {@code [-1, 1]^2} per pixel, smoothed by a Gaussian of standard
 * deviation {@code sigma} pixels and scaled by {@code alpha}; each output pixel reads the input bilinearly at its
 * displaced position, zero (no ink) outside. Small {@code sigma} gives noisy jitter, large {@code sigma} an almost
 * rigid shift; Simard et al. used {@code sigma = 4}, {@code alpha = 34} on 28x28 digits, which moves pixels by
 * about 1.4 pixels (standard deviation) each way. Where the smoothing window leaves the image it is renormalised over the pixels inside.
 *
 * <p>A pure function of the seed like every {@link TaskSource}: the fields come from a random stream seeded with the
 * episode seed, apart from the wrapped source's and the other transforms' streams. Labels and episode layout are
 * untouched; every channel of an image moves alike.
 */
public final class RandomElastic extends ImageTransform {
    /** Mixed into the episode seed so the draws repeat no other transform's. */
    private static final long ELASTIC_STREAM = 0xa54ff53a5f1d36f1L;

    private final double alpha;
    private final double[] kernel;

    /**
     * @param source episodes to transform
     * @param alpha  scale of the smoothed field in pixels, >= 0; 0 passes episodes through unchanged
     * @param sigma  standard deviation of the smoothing Gaussian in pixels, > 0
     * @throws IllegalArgumentException when a setting is out of range
     */
    public RandomElastic(TaskSource source, double alpha, double sigma) {
        super(source, ELASTIC_STREAM);
        if (!(alpha >= 0) || Double.isInfinite(alpha)) {
            throw new IllegalArgumentException("RandomElastic: alpha must be a finite number >= 0, got " + alpha);
        }
        if (!(sigma > 0) || Double.isInfinite(sigma)) {
            throw new IllegalArgumentException("RandomElastic: sigma must be a finite number > 0, got " + sigma);
        }
        this.alpha = alpha;
        int radius = (int) Math.ceil(3 * sigma);
        this.kernel = new double[2 * radius + 1];
        for (int i = -radius; i <= radius; i++) {
            kernel[i + radius] = Math.exp(-0.5 * i * i / (sigma * sigma));
        }
    }

    /**
     * The standard deviation in pixels of each displacement component away from the image border: the smoothed
     * uniform field's {@code 1 / sqrt(3)} times the Gaussian's norm {@code 1 / (2 sqrt(pi) sigma)}, times alpha.
     *
     * @param alpha scale of the field in pixels
     * @param sigma standard deviation of the smoothing Gaussian in pixels
     * @return about 1.4 for Simard et al.'s {@code alpha = 34}, {@code sigma = 4}
     */
    public static double typicalDisplacement(double alpha, double sigma) {
        return alpha / Math.sqrt(3) / (2 * Math.sqrt(Math.PI) * sigma);
    }

    @Override
    boolean isIdentity() {
        return alpha == 0;
    }

    @Override
    void apply(double[] in, double[] out, int base, int channels, int height, int width, SplittableRandom random) {
        double[] dy = field(random, height, width);
        double[] dx = field(random, height, width);
        int plane = height * width;
        for (int c = 0; c < channels; c++) {
            int p = base + c * plane;
            for (int row = 0; row < height; row++) {
                for (int col = 0; col < width; col++) {
                    int i = row * width + col;
                    out[p + i] = bilinear(in, p, height, width, row + dy[i], col + dx[i]);
                }
            }
        }
    }

    /** One displacement component: uniform noise, Gaussian-smoothed along rows then columns, times alpha. */
    private double[] field(SplittableRandom random, int height, int width) {
        double[] noise = new double[height * width];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = random.nextDouble(-1, 1);
        }
        double[] rows = smooth(noise, height, width, 1, width);
        double[] both = smooth(rows, width, height, width, 1);
        for (int i = 0; i < both.length; i++) {
            both[i] *= alpha;
        }
        return both;
    }

    /**
     * Smooths along one axis: {@code lines} lines of {@code length} values, consecutive values {@code step} apart and
     * consecutive lines {@code lineStep} apart.
     */
    private double[] smooth(double[] in, int lines, int length, int step, int lineStep) {
        double[] out = new double[in.length];
        int radius = kernel.length / 2;
        for (int line = 0; line < lines; line++) {
            for (int at = 0; at < length; at++) {
                double sum = 0;
                double weight = 0;
                for (int k = Math.max(-radius, -at); k <= Math.min(radius, length - 1 - at); k++) {
                    sum += kernel[k + radius] * in[line * lineStep + (at + k) * step];
                    weight += kernel[k + radius];
                }
                out[line * lineStep + at * step] = sum / weight;
            }
        }
        return out;
    }
}

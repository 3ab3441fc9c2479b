package org.metalearn4j.core.train;

/**
 * How often a training loop does something periodic (evaluate, write a checkpoint): every so many iterations, every
 * so many seconds of training time (evaluations excluded), or never between the start and the end.
 *
 * @param iterations every this many iterations, or 0
 * @param seconds    every this many seconds of training, or 0
 */
public record Every(int iterations, double seconds) {
    /** Only at the end of the run. */
    public static final Every END = new Every(0, 0);

    public Every {
        if (iterations < 0 || !(seconds >= 0) || Double.isInfinite(seconds)) {
            throw new IllegalArgumentException("every: expected iterations >= 0 and finite seconds >= 0, got "
                    + iterations + " and " + seconds);
        }
        if (iterations > 0 && seconds > 0) {
            throw new IllegalArgumentException("every: give iterations or seconds, not both");
        }
    }

    public static Every iterations(int n) {
        return new Every(n, 0);
    }

    public static Every seconds(double s) {
        return new Every(0, s);
    }
}

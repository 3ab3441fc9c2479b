package org.metalearn4j.datasets.generated;

import java.util.SplittableRandom;

/** Validation and sampling of the {@code [min, max]} ranges and the noise that parameterise generated task families. */
final class Ranges {
    private Ranges() {
    }

    /** Fails naming both fields unless {@code min <= max} and both are finite; for the configs' constructors. */
    static void check(double min, double max, String minField, String maxField) {
        if (!Double.isFinite(min) || !Double.isFinite(max) || min > max) {
            throw new IllegalArgumentException(minField + ": expected a finite number <= " + maxField + ", got "
                    + minField + "=" + min + ", " + maxField + "=" + max);
        }
    }

    /** Uniform in {@code [min, max)}, or exactly {@code min} when the range is a point. */
    static double uniform(SplittableRandom random, double min, double max) {
        return min == max ? min : random.nextDouble(min, max);
    }

    /** A standard normal sample (Box-Muller): deterministic for a seeded generator on every JVM. */
    static double gaussian(SplittableRandom random) {
        double u = 1.0 - random.nextDouble();
        return Math.sqrt(-2.0 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}

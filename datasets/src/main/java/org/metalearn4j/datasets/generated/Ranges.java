package org.metalearn4j.datasets.generated;

import java.util.SplittableRandom;
import org.metalearn4j.core.spi.ConfigException;

/** Validation and sampling of the {@code [min, max]} ranges that parameterise generated task families. */
final class Ranges {
    private Ranges() {
    }

    /** Fails naming both fields unless {@code min <= max} and both are finite. */
    static void check(double min, double max, String minField, String maxField) {
        if (!Double.isFinite(min) || !Double.isFinite(max) || min > max) {
            throw new ConfigException(minField, "must be finite and <= " + maxField + ", got " + minField + "=" + min
                    + ", " + maxField + "=" + max);
        }
    }

    /** Uniform in {@code [min, max)}, or exactly {@code min} when the range is a point. */
    static double uniform(SplittableRandom random, double min, double max) {
        return min == max ? min : random.nextDouble(min, max);
    }
}

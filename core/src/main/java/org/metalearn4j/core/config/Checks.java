package org.metalearn4j.core.config;

/**
 * Range checks for the compact constructors of configuration records. Each failure message starts with the field name
 * so that {@link ConfigBinder} can prefix the section path, e.g. {@code train.iterations: expected an integer >= 1,
 * got 0}.
 */
public final class Checks {
    private Checks() {
    }

    /** Fails unless {@code value >= min}. */
    public static int atLeast(String field, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(field + ": expected an integer >= " + min + ", got " + value);
        }
        return value;
    }

    /** Fails unless {@code min <= value <= max}. */
    public static double between(String field, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException(field + ": expected a number in [" + min + ", " + max + "], got "
                    + value);
        }
        return value;
    }

    /** Fails unless {@code value > 0} and finite. */
    public static double positive(String field, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(field + ": expected a finite number > 0, got " + value);
        }
        return value;
    }

    /** Fails if {@code value} is null or blank. */
    public static String notBlank(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + ": expected a non-empty string, got "
                    + (value == null ? "nothing" : "\"" + value + "\""));
        }
        return value;
    }
}

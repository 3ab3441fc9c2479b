package org.metalearn4j.core.config;

import java.util.Collection;
import java.util.List;

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
    public static int between(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(field + ": expected an integer in [" + min + ", " + max + "], got "
                    + value);
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

    /** Fails unless {@code 0 <= value < 1} (decay rates, momentum). */
    public static double fraction(String field, double value) {
        if (!(value >= 0 && value < 1)) {
            throw new IllegalArgumentException(field + ": expected a number in [0, 1), got " + value);
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

    /** Fails unless {@code value >= 0} and finite. */
    public static double nonNegative(String field, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(field + ": expected a finite number >= 0, got " + value);
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

    /** Fails if {@code value} is null; for settings that are mappings or lists. */
    public static <T> T present(String field, T value) {
        if (value == null) {
            throw new IllegalArgumentException(field + ": expected a value, got nothing");
        }
        return value;
    }

    /** Fails if the enum-valued setting {@code value} is null, listing the names {@code type} accepts. */
    public static <E extends Enum<E>> E oneOf(String field, E value, Class<E> type) {
        if (value == null) {
            throw new IllegalArgumentException(field + ": expected one of " + EnumNames.of(type) + ", got nothing");
        }
        return value;
    }

    /** Fails unless {@code values} holds at least {@code min} elements. */
    public static <C extends Collection<?>> C atLeastItems(String field, C values, int min) {
        if (values == null || values.size() < min) {
            throw new IllegalArgumentException(field + ": expected a list of at least " + min + " item"
                    + (min == 1 ? "" : "s") + ", got " + (values == null ? "nothing" : values));
        }
        return values;
    }

    /** Fails unless {@code widths} is a list of at least one layer width >= 1; returns an unmodifiable copy. */
    public static List<Integer> layerWidths(String field, List<Integer> widths) {
        if (widths == null || widths.isEmpty()) {
            throw new IllegalArgumentException(field + ": expected a list of at least one layer width, got " + widths);
        }
        if (widths.stream().anyMatch(w -> w == null || w < 1)) {
            throw new IllegalArgumentException(field + ": expected widths >= 1, got " + widths);
        }
        return List.copyOf(widths);
    }
}

package org.metalearn4j.examples.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;

/**
 * A stage's metric as the CLI shows it: a whole number (a count of episodes or items, which metrics maps hold as
 * doubles) without a fraction, "1000 episodes" rather than "1000.0"; anything else with four significant digits.
 */
final class MetricValue {
    private MetricValue() {
    }

    /** {@code 1000} for 1000.0, {@code 0.8712} for 0.871234. */
    static String text(double value) {
        return isWhole(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.4g", value);
    }

    /** Puts {@code value} into {@code json} as an integer when it is a whole number, else as a double. */
    static void put(ObjectNode json, String name, double value) {
        if (isWhole(value)) {
            json.put(name, (long) value);
        } else {
            json.put(name, value);
        }
    }

    private static boolean isWhole(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15;
    }
}

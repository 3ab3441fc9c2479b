package org.metalearn4j.core.config;

import java.util.Arrays;
import java.util.List;

/**
 * The names configuration files use for the constants of an enum-valued setting, e.g. {@code last-k} for
 * {@code FinetuneMode.LAST_K}. Configuration enums declare them with {@code @JsonProperty} on each constant; asking the
 * configuration mapper instead of reading the annotation keeps messages and docs identical to what binding accepts.
 */
public final class EnumNames {
    private EnumNames() {
    }

    /** How {@code constant} is written in a configuration file. */
    public static String of(Enum<?> constant) {
        return ConfigMappers.json().valueToTree(constant).asText();
    }

    /** Every written name of {@code type}'s constants, in declaration order. */
    public static List<String> of(Class<?> type) {
        if (!type.isEnum()) {
            throw new IllegalArgumentException(type.getName() + " is not an enum");
        }
        return Arrays.stream(type.getEnumConstants()).map(c -> of((Enum<?>) c)).toList();
    }
}

package org.metalearn4j.datasets.store;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Decoded data kept for the life of the JVM, so opening a data set twice (training then evaluation, or many tests)
 * decodes its archive once. Keys must capture everything the value depends on (source, image size, file stamp).
 * A failed load caches nothing.
 */
public final class DecodedCache {
    private static final Map<String, Object> VALUES = new ConcurrentHashMap<>();
    private static final Map<String, Object> LOCKS = new ConcurrentHashMap<>();

    private DecodedCache() {
    }

    /** The value cached under {@code key}, loading it first if this JVM has not yet. */
    @SuppressWarnings("unchecked")
    public static <T> T get(String key, Supplier<T> loader) {
        // Not computeIfAbsent: a loader may itself read the cache (a resized set decodes the full-size one first),
        // which ConcurrentHashMap refuses as a recursive update. One lock per key keeps each decode single.
        synchronized (LOCKS.computeIfAbsent(key, k -> new Object())) {
            Object value = VALUES.get(key);
            if (value == null) {
                value = loader.get();
                VALUES.put(key, value);
            }
            return (T) value;
        }
    }
}

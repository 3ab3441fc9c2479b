package org.metalearn4j.core.plugin;

/**
 * One provider instance and where it came from.
 *
 * @param provider the instance ServiceLoader created
 * @param name     its name
 * @param rank     its rank; the highest wins among equal names
 * @param origin   JAR file name (or class directory) it was loaded from
 */
record Discovered<T>(T provider, String name, int rank, String origin) {
}

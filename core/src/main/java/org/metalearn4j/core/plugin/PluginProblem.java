package org.metalearn4j.core.plugin;

/**
 * Why something discovered could not be used: a JAR with a missing class or bad services file (the whole JAR is
 * skipped), or a provider whose name is already taken at the same rank (that provider is skipped).
 *
 * @param origin  the JAR file name, or {@code classpath}
 * @param message what was wrong, naming the class, services file or competing origin
 */
public record PluginProblem(String origin, String message) {
    @Override
    public String toString() {
        return origin + ": " + message;
    }
}

package org.metalearn4j.core.tensor;

/** A thread-local mode change that is undone on {@link #close()}; use with try-with-resources. */
@FunctionalInterface
public interface Scope extends AutoCloseable {
    /** Restores the mode that was in effect when the scope was opened. Never throws. */
    @Override
    void close();
}

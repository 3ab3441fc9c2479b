package org.metalearn4j.core.event;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Waiting for a listener or subscriber to reach a point, with a bound, as a yes/no answer. */
final class Completion {
    private Completion() {
    }

    /** True once {@code future} completed normally within {@code timeout}; false on timeout, failure or interrupt. */
    static boolean within(CompletableFuture<?> future, Duration timeout) {
        try {
            future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        }
    }
}

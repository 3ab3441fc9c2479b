package org.metalearn4j.core.backend;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.bytedeco.javacpp.Pointer;

/**
 * Keeps the process's resident memory under a limit by requesting a garbage collection when it is exceeded. ND4J
 * frees an array's native buffer only when the garbage collector has found the array unreachable, so a training loop
 * whose Java heap barely grows can pile up gigabytes of dead native buffers.
 *
 * <p>JavaCPP offers the same guard ({@code -Dorg.bytedeco.javacpp.maxphysicalbytes}), but it reads the resident size
 * on every native allocation, which about doubled the time of small-op workloads (BENCHMARKS.md, "JVM and OpenMP
 * settings"). This guard polls from one daemon thread instead, so the launcher sets {@code maxphysicalbytes=0} and
 * {@code -Dmetalearn4j.maxResident=8g}.
 */
public final class ResidentMemoryGuard implements AutoCloseable {
    /** System property with the limit, e.g. {@code 8g}, {@code 512m} or a number of bytes. */
    public static final String PROPERTY = "metalearn4j.maxResident";

    private static final long MIN_GAP_MS = 1000;
    private static ResidentMemoryGuard installed;

    private final long limitBytes;
    private final Thread thread;
    private final AtomicLong collections = new AtomicLong();
    private volatile boolean running = true;

    private ResidentMemoryGuard(long limitBytes, Duration interval, LongSupplier residentBytes) {
        this.limitBytes = limitBytes;
        long sleepMs = Math.max(1, interval.toMillis());
        this.thread = new Thread(() -> {
            try {
                while (running) {
                    if (residentBytes.getAsLong() > limitBytes) {
                        collections.incrementAndGet();
                        System.gc();
                        // The allocator may keep freed memory, so the resident size can stay above the limit after
                        // a collection; pausing bounds the cost of collecting to a few percent in that case. Raising
                        // the limit instead lets more garbage pile up before each collection, which raises the
                        // resident size again: a training run grew to 17.7 GiB that way under a 6 GiB limit.
                        Thread.sleep(Math.max(sleepMs, MIN_GAP_MS));
                    } else {
                        Thread.sleep(sleepMs);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "metalearn4j-resident-memory-guard");
        thread.setDaemon(true);
        thread.start();
    }

    /** Starts a guard that checks the resident size every {@code interval}; close it to stop. */
    public static ResidentMemoryGuard start(long limitBytes, Duration interval) {
        return start(limitBytes, interval, Pointer::physicalBytes);
    }

    static ResidentMemoryGuard start(long limitBytes, Duration interval, LongSupplier residentBytes) {
        if (limitBytes <= 0) {
            throw new IllegalArgumentException("resident memory limit must be positive, got " + limitBytes);
        }
        return new ResidentMemoryGuard(limitBytes, interval, residentBytes);
    }

    /**
     * Installs the process-wide guard once if {@value #PROPERTY} is set (checked every 20 ms); does nothing otherwise.
     *
     * @throws IllegalArgumentException naming the property when its value is not a size
     */
    public static synchronized void installFromSystemProperty() {
        String value = System.getProperty(PROPERTY);
        if (installed == null && value != null && !value.isBlank()) {
            installed = start(parseSize(value, PROPERTY), Duration.ofMillis(20));
        }
    }

    /** {@code 8g}, {@code 512m}, {@code 64k} or plain bytes; errors name the system property {@code property}. */
    static long parseSize(String text, String property) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        long unit = switch (t.isEmpty() ? ' ' : t.charAt(t.length() - 1)) {
            case 'k' -> 1L << 10;
            case 'm' -> 1L << 20;
            case 'g' -> 1L << 30;
            default -> 1;
        };
        String digits = unit == 1 ? t : t.substring(0, t.length() - 1);
        try {
            long n = Long.parseLong(digits.trim());
            if (n <= 0) {
                throw new NumberFormatException();
            }
            return Math.multiplyExact(n, unit);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("-D" + property + ": expected a positive size such as 8g or 512m, got '"
                    + text + "'");
        }
    }

    /** How many collections this guard has requested. */
    public long collections() {
        return collections.get();
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}

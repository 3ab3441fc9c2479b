package org.metalearn4j.core.backend;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Requests a garbage collection after every so many bytes of new tensor buffers, so that the C allocator gets dead
 * buffers back while their pages are still mapped.
 *
 * <p>ND4J frees an array's native buffer only once the collector finds the array unreachable. Engine tensors die
 * young while the Java heap hardly grows, so without pacing every activation lands on fresh pages until the
 * {@link ResidentMemoryGuard} fires gigabytes later, and the kernel must fault in and zero each page. On the build
 * machine that took more than half the time of a ProtoNet training episode (BENCHMARKS.md, "Page faults").
 *
 * <p>A full collection costs in proportion to the live Java heap (13-46 ms in second-order MAML's meta-iteration on
 * the build machine), and a workload that allocates gigabytes per second would pay it many times a second at a fixed
 * volume. The volume therefore adapts: it doubles (up to 4 GB) while collections take more than 5% of the time, and
 * halves back towards the configured volume while they take less than 1.25%.
 */
public final class CollectionPacer {
    /**
     * System property with the smallest allocation volume between collections, e.g. {@code 256m}; {@code 0} turns
     * pacing off.
     */
    public static final String PROPERTY = "metalearn4j.collectEvery";
    private static final String DEFAULT = "256m";
    private static final long MAX_EVERY = 4L << 30;
    private static final double MAX_SHARE = 0.05;
    private static final CollectionPacer PROCESS = new CollectionPacer(
            parse(System.getProperty(PROPERTY, DEFAULT)), System::gc, System::nanoTime);

    private final long minEvery;
    private final Runnable collect;
    private final LongSupplier nanoClock;
    private final AtomicLong sinceCollection = new AtomicLong();
    private volatile long every;
    private long lastCollectionEnd;

    CollectionPacer(long minEvery, Runnable collect, LongSupplier nanoClock) {
        this.minEvery = minEvery;
        this.every = minEvery;
        this.collect = collect;
        this.nanoClock = nanoClock;
        this.lastCollectionEnd = nanoClock.getAsLong();
    }

    /** Counts a new tensor buffer against the process-wide pacer, configured by {@value #PROPERTY}. */
    public static void allocated(INDArray value) {
        PROCESS.count(value);
    }

    /** The process-wide pacer's current volume between collections in bytes, {@code 0} when pacing is off. */
    public static long every() {
        return PROCESS.currentEvery();
    }

    /**
     * Counts {@code value}'s buffer unless it is a view of another array's or lives in a {@link StepArena} (which
     * reuses its memory without the collector), and collects when the volume is due.
     */
    void count(INDArray value) {
        if (minEvery != 0 && !value.isView() && !value.isAttached()) {
            countBytes(value.length() * value.dataType().width());
        }
    }

    void countBytes(long bytes) {
        if (minEvery != 0 && sinceCollection.addAndGet(bytes) >= every) {
            collectAndAdapt();
        }
    }

    long currentEvery() {
        return every;
    }

    private synchronized void collectAndAdapt() {
        if (sinceCollection.get() < every) {
            return;
        }
        sinceCollection.set(0);
        long start = nanoClock.getAsLong();
        collect.run();
        long end = nanoClock.getAsLong();
        double share = (end - start) / (double) Math.max(1, end - lastCollectionEnd);
        lastCollectionEnd = end;
        if (share > MAX_SHARE) {
            every = Math.min(Math.max(MAX_EVERY, minEvery), every * 2);
        } else if (share < MAX_SHARE / 4) {
            every = Math.max(minEvery, every / 2);
        }
    }

    /** {@code 0} or a size such as {@code 256m}; errors name {@value #PROPERTY}. */
    static long parse(String value) {
        return "0".equals(value.trim()) ? 0 : ResidentMemoryGuard.parseSize(value, PROPERTY);
    }
}

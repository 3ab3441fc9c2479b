package org.metalearn4j.core.backend;

import java.util.concurrent.atomic.AtomicLong;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Requests a garbage collection after every so many bytes of new tensor buffers, so that the C allocator gets dead
 * buffers back while their pages are still mapped.
 *
 * <p>ND4J frees an array's native buffer only once the collector finds the array unreachable. Engine tensors die
 * young while the Java heap hardly grows, so without pacing every activation lands on fresh pages until the
 * {@link ResidentMemoryGuard} fires gigabytes later, and the kernel must fault in and zero each page. On the build
 * machine that took more than half the time of a ProtoNet training episode; pacing every 256 MB made it 2.4 times
 * faster and cut second-order MAML's resident memory from 2.3 GB to 0.7 GB (BENCHMARKS.md, "Page faults").
 */
public final class CollectionPacer {
    /** System property with the allocation volume between collections, e.g. {@code 256m}; {@code 0} disables. */
    public static final String PROPERTY = "metalearn4j.collectEvery";
    private static final String DEFAULT = "256m";
    private static final CollectionPacer PROCESS = new CollectionPacer(
            parse(System.getProperty(PROPERTY, DEFAULT)), System::gc);

    private final long every;
    private final Runnable collect;
    private final AtomicLong sinceCollection = new AtomicLong();

    CollectionPacer(long every, Runnable collect) {
        this.every = every;
        this.collect = collect;
    }

    /** Counts a new tensor buffer against the process-wide pacer, configured by {@value #PROPERTY}. */
    public static void allocated(INDArray value) {
        PROCESS.count(value);
    }

    /** The process-wide volume between collections in bytes, {@code 0} when pacing is off. */
    public static long every() {
        return PROCESS.every;
    }

    /** Counts {@code value}'s buffer unless it is a view of another array's, and collects when the volume is due. */
    void count(INDArray value) {
        if (every == 0 || value.isView()) {
            return;
        }
        long bytes = value.length() * value.dataType().width();
        if (sinceCollection.addAndGet(bytes) >= every) {
            sinceCollection.set(0);
            collect.run();
        }
    }

    /** {@code 0} or a size such as {@code 256m}; errors name {@value #PROPERTY}. */
    static long parse(String value) {
        return "0".equals(value.trim()) ? 0 : ResidentMemoryGuard.parseSize(value, PROPERTY);
    }
}

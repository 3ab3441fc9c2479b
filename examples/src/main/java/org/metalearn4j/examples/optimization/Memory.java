package org.metalearn4j.examples.optimization;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import org.bytedeco.javacpp.Pointer;

/**
 * Peak Java heap (the heap pools' peak usage) and peak off-heap memory: JavaCPP's tracked allocations
 * ({@link Pointer#totalBytes()}) and the process's resident size ({@link Pointer#physicalBytes()}), sampled every
 * 20 ms by a daemon thread because JavaCPP keeps no peak of its own.
 */
final class Memory implements AutoCloseable {
    private final Thread sampler;
    private volatile boolean running = true;
    private volatile long peakTracked;
    private volatile long peakPhysical;

    private Memory() {
        sampler = new Thread(this::sample, "memory-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    /** Resets the heap peaks and starts sampling off-heap memory until {@link #close()}. */
    static Memory track() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
        return new Memory();
    }

    private void sample() {
        while (running) {
            record();
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private synchronized void record() {
        peakTracked = Math.max(peakTracked, Pointer.totalBytes());
        peakPhysical = Math.max(peakPhysical, Pointer.physicalBytes());
    }

    /** One line: peak heap, peak JavaCPP-tracked off-heap, peak resident size. */
    String summary() {
        record();
        return String.format("peak heap %.0f MiB, peak off-heap (javacpp) %.0f MiB, peak resident %.0f MiB",
                peakHeapMiB(), peakTracked / 1048576.0, peakPhysical / 1048576.0);
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
    }

    /** Sum of the heap pools' peak usage since the last reset, in MiB. */
    private static double peakHeapMiB() {
        long bytes = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                bytes += pool.getPeakUsage().getUsed();
            }
        }
        return bytes / 1048576.0;
    }
}

package org.metalearn4j.datasets.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.metalearn4j.core.task.EpisodeSpec;
import org.metalearn4j.core.task.Seeds;
import org.metalearn4j.core.task.Task;
import org.metalearn4j.core.task.TaskSource;
import org.metalearn4j.datasets.omniglot.OmniglotSmallProvider;

/**
 * Episodes per second for 5-way 1-shot 15-query sampling from the in-memory omniglot-small meta-train store, on the
 * calling thread (and, first, the time to decode the shipped archives). Argument: seconds per measured round.
 * Not part of the test suite; the command is in BENCHMARKS.md, "Datasets and episode sampling".
 */
public final class EpisodeSamplingBenchmark {
    private EpisodeSamplingBenchmark() {
    }

    public static void main(String[] args) {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        OmniglotSmallProvider provider = new OmniglotSmallProvider();
        long loadStart = System.nanoTime();
        provider.open(provider.defaults());
        System.out.printf("decoding omniglot-small (small1 + small2, 105->28): %.2f s%n",
                (System.nanoTime() - loadStart) / 1e9);
        TaskSource source = provider.open(provider.defaults()).episodes("meta-train", new EpisodeSpec(5, 1, 15));
        long sink = 0;
        for (int i = 0; i < 20_000; i++) {
            sink += source.sample(Seeds.derive(1, i)).query().size();
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        for (int round = 0; round < 3; round++) {
            long count = 0;
            long threadCpuStart = threads.getCurrentThreadCpuTime();
            long processCpuStart = os.getProcessCpuTime();
            long start = System.nanoTime();
            long end = start + seconds * 1_000_000_000L;
            long now;
            do {
                for (int i = 0; i < 1000; i++) {
                    Task task = source.sample(Seeds.derive(2, round, count++));
                    sink += task.support().size();
                }
                now = System.nanoTime();
            } while (now < end);
            double threadCpu = (threads.getCurrentThreadCpuTime() - threadCpuStart) / 1e9;
            double processCpu = (os.getProcessCpuTime() - processCpuStart) / 1e9;
            // Wall-clock rates suffer when other processes share the core; CPU-time rates show the cost itself.
            System.out.printf("round %d: %d episodes (5-way 1-shot 15-query): "
                    + "%.0f/s wall clock, %.0f per sampling-thread "
                    + "CPU second, %.0f per process CPU second (incl. GC and deallocator threads)%n", round, count,
                    count / ((now - start) / 1e9), count / threadCpu, count / processCpu);
        }
        System.out.println("(checksum " + sink + ")");
    }
}

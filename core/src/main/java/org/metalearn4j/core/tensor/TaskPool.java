package org.metalearn4j.core.tensor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * Runs independent engine computations, such as the tasks of a meta-batch, on several threads at once.
 *
 * <p>Second-order MAML on 5-way 1-shot episodes runs thousands of small ops per task; OpenMP's threads gain little on
 * each of them, while two tasks computed side by side keep both cores busy. Each worker therefore runs its native ops
 * on one OpenMP thread (its own OpenMP setting, the caller's is left alone), and runs with the caller's graph-recording
 * and numerics-checking modes. Results come back in index order, so a caller that sums them in that order gets the
 * same numbers for any number of threads, provided each computation does not depend on its op's thread count.
 *
 * <p>Ops on workers are not seen by an {@link OpProfiler} open on the caller's thread.
 */
public final class TaskPool {
    private static final Map<Integer, ExecutorService> POOLS = new ConcurrentHashMap<>();

    private TaskPool() {
    }

    /**
     * Computes {@code work.apply(i)} for {@code i = 0 .. count-1} on up to {@code threads} worker threads.
     *
     * <p>With one thread, or one item, everything runs on the caller's thread exactly as a plain loop would. If any
     * item throws, no further items are started, and the exception of the lowest failing index is rethrown (with the
     * others attached as suppressed) once the items already running have finished.
     *
     * @param threads the most items computed at once, at least 1
     * @param count   the number of items
     * @param work    computes item {@code i}; must not depend on other items
     * @param <T>     the result type
     * @return the results, in index order
     */
    public static <T> List<T> map(int threads, int count, IntFunction<T> work) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads: expected at least 1, got " + threads);
        }
        if (count < 0) {
            throw new IllegalArgumentException("count: expected at least 0, got " + count);
        }
        if (threads == 1 || count <= 1) {
            List<T> results = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                results.add(work.apply(i));
            }
            return results;
        }
        return parallel(Math.min(threads, count), count, work);
    }

    /**
     * As {@link #map}, but always on worker threads, even for one thread or one item, so that every item's native ops
     * run on one OpenMP thread: the results are then the same bits for any {@code threads} and on any host, whereas
     * ops whose kernels split a reduction among OpenMP threads (a convolution's weight gradient) round differently
     * on the caller's threads.
     */
    public static <T> List<T> mapOnWorkers(int threads, int count, IntFunction<T> work) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads: expected at least 1, got " + threads);
        }
        if (count < 0) {
            throw new IllegalArgumentException("count: expected at least 0, got " + count);
        }
        return count == 0 ? new ArrayList<>() : parallel(Math.min(threads, count), count, work);
    }

    private static <T> List<T> parallel(int workers, int count, IntFunction<T> work) {
        boolean grad = Mode.gradEnabled();
        boolean check = Mode.checkNumerics();
        Object[] results = new Object[count];
        Throwable[] failures = new Throwable[count];
        AtomicInteger next = new AtomicInteger();
        AtomicBoolean failed = new AtomicBoolean();
        Runnable drain = () -> {
            try (Scope g = Mode.setGrad(grad); Scope c = Mode.setCheck(check)) {
                // an item once taken is always run, so the lowest failing index is the same in every schedule
                while (!failed.get()) {
                    int i = next.getAndIncrement();
                    if (i >= count) {
                        break;
                    }
                    try {
                        results[i] = work.apply(i);
                    } catch (RuntimeException | Error e) {
                        failures[i] = e;
                        failed.set(true);
                    }
                }
            }
        };
        ExecutorService pool = POOLS.computeIfAbsent(workers, TaskPool::newPool);
        List<Future<?>> running = new ArrayList<>(workers);
        for (int w = 0; w < workers; w++) {
            running.add(pool.submit(drain));
        }
        awaitAll(running, failed);
        rethrowFirst(failures);
        @SuppressWarnings("unchecked")
        List<T> list = (List<T>) Arrays.asList(results);
        return new ArrayList<>(list);
    }

    private static void awaitAll(List<Future<?>> running, AtomicBoolean failed) {
        boolean interrupted = false;
        for (Future<?> f : running) {
            while (true) {
                try {
                    f.get();
                    break;
                } catch (InterruptedException e) {
                    // stop handing out items, but wait: the workers still hold this call's graphs and results
                    failed.set(true);
                    interrupted = true;
                } catch (ExecutionException e) {
                    throw new IllegalStateException("task pool worker failed outside its work item", e.getCause());
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the task pool computed a batch");
        }
    }

    private static void rethrowFirst(Throwable[] failures) {
        Throwable first = null;
        for (Throwable t : failures) {
            if (t == null) {
                continue;
            }
            if (first == null) {
                first = t;
            } else {
                first.addSuppressed(t);
            }
        }
        if (first instanceof RuntimeException r) {
            throw r;
        }
        if (first instanceof Error e) {
            throw e;
        }
    }

    private static ExecutorService newPool(int workers) {
        AtomicInteger number = new AtomicInteger();
        return Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(() -> {
                Nd4j.getExecutioner(); // the native library must be loaded before NativeOpsHolder is used
                NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(1);
                r.run();
            }, "metalearn4j-task-" + workers + "-" + number.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }
}

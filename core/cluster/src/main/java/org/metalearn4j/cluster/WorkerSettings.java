package org.metalearn4j.cluster;

import java.time.Duration;
import java.util.Objects;
import org.metalearn4j.core.checkpoint.LibraryVersions;

/**
 * What a worker announces about itself and how it computes.
 *
 * @param id        its name in messages and logs
 * @param backend   its ND4J backend's name
 * @param device    the backend's device description
 * @param threads   tasks computed at once, each with single-threaded native ops when more than one
 * @param speed     matrix-multiply speed, GFLOP/s ({@link Speed#measure()})
 * @param taskDelay added to every task, to simulate slower workers in scaling benchmarks; zero otherwise
 * @param version   the metalearn4j version it runs (a coordinator of another version is refused)
 * @param nd4j      the ND4J version it runs (likewise)
 */
public record WorkerSettings(String id, String backend, String device, int threads, double speed, Duration taskDelay,
                             String version, String nd4j) {
    public WorkerSettings {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(taskDelay, "taskDelay");
        if (threads < 1) {
            throw new IllegalArgumentException("threads: expected at least 1, got " + threads);
        }
    }

    /** Settings with this process's versions and no task delay. */
    public static WorkerSettings of(String id, String backend, String device, int threads, double speed) {
        LibraryVersions v = LibraryVersions.current();
        return new WorkerSettings(id, backend, device, threads, speed, Duration.ZERO, v.metalearn4j(), v.nd4j());
    }

    public WorkerSettings withTaskDelay(Duration delay) {
        return new WorkerSettings(id, backend, device, threads, speed, delay, version, nd4j);
    }

    /** The same worker claiming other versions (to test that coordinators refuse it). */
    public WorkerSettings withVersions(String metalearn4j, String nd4jVersion) {
        return new WorkerSettings(id, backend, device, threads, speed, taskDelay, metalearn4j, nd4jVersion);
    }
}

package org.metalearn4j.core.backend;

/**
 * Where tensors live and run. Discovered through {@link java.util.ServiceLoader}; instances must be cheap to create,
 * and {@link #availability()} probes lazily. ND4J allows one backend per JVM, so {@link #activate()} is called at most
 * once per process, before the first array is created; mixing CPU and GPU means one worker process per backend.
 */
public interface Backend {

    /** E.g. {@code "cpu"} or {@code "cuda"}. */
    String name();

    /** Higher rank is preferred when several backends are available. */
    int rank();

    /** Probes the machine; never throws. */
    Availability availability();

    /** Human-readable device description, e.g. CPU model and thread count, or GPU name and memory. */
    String device();

    /** Makes this backend ND4J's backend for the rest of the process; fails with the availability reason if absent. */
    void activate();
}

package org.metalearn4j.backends.cpu;

import org.bytedeco.javacpp.Loader;
import org.metalearn4j.core.backend.Availability;
import org.metalearn4j.core.backend.Backend;
import org.metalearn4j.core.backend.HostCpu;
import org.metalearn4j.core.backend.Nd4jNativeLibrary;
import org.metalearn4j.core.backend.ResidentMemoryGuard;
import org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu;
import org.nd4j.linalg.factory.Nd4j;

/**
 * ND4J's native CPU backend ({@code nd4j-native}, the oneDNN build pinned in the parent POM). Available when its
 * native library loads; that probe loads the library through JavaCPP without initialising ND4J, so another backend
 * could still be chosen afterwards.
 */
public final class CpuBackend implements Backend {
    /** Below GPU backends: {@code auto} prefers an available GPU. */
    public static final int RANK = 10;

    private volatile Availability availability;

    @Override
    public String name() {
        return "cpu";
    }

    @Override
    public int rank() {
        return RANK;
    }

    @Override
    public Availability availability() {
        Availability a = availability;
        if (a == null) {
            a = probe();
            availability = a;
        }
        return a;
    }

    private static Availability probe() {
        try {
            Loader.load(Nd4jCpu.class);
            return Availability.yes("nd4j-native " + variant() + " loaded");
        } catch (Throwable e) {
            // UnsatisfiedLinkError and friends: the reason is the message, e.g. a missing system library.
            return Availability.no("nd4j-native does not load: " + e);
        }
    }

    /** The JavaCPP platform variant whose library was loaded, e.g. {@code linux-x86_64-onednn-avx2}. */
    private static String variant() {
        return Nd4jNativeLibrary.loaded("nd4jcpu").map(Nd4jNativeLibrary::variant).orElse(Loader.getPlatform());
    }

    @Override
    public String device() {
        boolean loaded = availability().available();
        String variant = loaded ? variant() : "not loaded";
        return HostCpu.current().model() + ", " + Runtime.getRuntime().availableProcessors() + " threads, oneDNN "
                + (variant.contains("onednn") ? "yes" : loaded ? "no" : "unknown") + " (" + variant + ")";
    }

    /**
     * Initialises ND4J and checks it picked this backend. ND4J reads backend priorities from the environment only,
     * so when nd4j-cuda is also on the class path the CPU must be preferred with {@code BACKEND_PRIORITY_CPU}.
     */
    @Override
    public void activate() {
        Availability a = availability();
        if (!a.available()) {
            throw new IllegalStateException("backend 'cpu' is unavailable: " + a.reason());
        }
        String chosen = Nd4j.getBackend().getClass().getName();
        if (!chosen.equals(org.nd4j.linalg.cpu.nativecpu.CpuBackend.class.getName())) {
            throw new IllegalStateException("ND4J initialised " + chosen + " instead of the CPU backend; set the"
                    + " environment variable BACKEND_PRIORITY_CPU=200 (current: "
                    + System.getenv().getOrDefault("BACKEND_PRIORITY_CPU", "unset") + ")");
        }
        ResidentMemoryGuard.installFromSystemProperty();
    }
}

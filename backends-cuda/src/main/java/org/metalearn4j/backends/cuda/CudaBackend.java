package org.metalearn4j.backends.cuda;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.metalearn4j.core.backend.Availability;
import org.metalearn4j.core.backend.Backend;
import org.nd4j.linalg.factory.Nd4j;

/**
 * ND4J's CUDA backend ({@code nd4j-cuda-11.6}, only on the class path when built with {@code -Pcuda}). The probe
 * never initialises ND4J: it looks for the nd4j-cuda classes, the driver library {@code libcuda.so.1} and a device
 * node, so on a machine without a GPU it reports the concrete reason and {@code auto} falls back to the CPU.
 */
public final class CudaBackend implements Backend {
    /** Above the CPU backend: {@code auto} prefers an available GPU. */
    public static final int RANK = 100;
    static final String ND4J_CUDA_CLASS = "org.nd4j.linalg.jcublas.JCublasBackend";
    static final String DRIVER = "libcuda.so.1";

    private volatile Availability availability;

    @Override
    public String name() {
        return "cuda";
    }

    @Override
    public int rank() {
        return RANK;
    }

    @Override
    public Availability availability() {
        Availability a = availability;
        if (a == null) {
            a = probe(classPresent(ND4J_CUDA_CLASS), libraryDirs(), Path.of("/dev"));
            availability = a;
        }
        return a;
    }

    /**
     * The availability given what is installed.
     *
     * @param nd4jCuda   whether the nd4j-cuda classes are on the class path
     * @param libDirs    where to look for {@value #DRIVER}
     * @param devicesDir where the {@code nvidia0} device node would be
     */
    static Availability probe(boolean nd4jCuda, List<Path> libDirs, Path devicesDir) {
        if (!nd4jCuda) {
            return Availability.no("nd4j-cuda-11.6 is not on the class path (build with -Pcuda)");
        }
        Optional<Path> driver = libDirs.stream().map(d -> d.resolve(DRIVER)).filter(Files::exists).findFirst();
        if (driver.isEmpty()) {
            return Availability.no(DRIVER + " not found (no NVIDIA driver) in " + libDirs);
        }
        if (!Files.exists(devicesDir.resolve("nvidia0"))) {
            return Availability.no("no GPU device: " + devicesDir.resolve("nvidia0") + " does not exist (driver "
                    + driver.get() + ")");
        }
        return Availability.yes("nd4j-cuda-11.6 on the class path, driver " + driver.get());
    }

    private static boolean classPresent(String name) {
        try {
            Class.forName(name, false, CudaBackend.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** {@code LD_LIBRARY_PATH} first, then the usual driver locations of Debian/Ubuntu, RHEL and CUDA images. */
    static List<Path> libraryDirs() {
        Set<Path> dirs = new LinkedHashSet<>();
        String ld = System.getenv("LD_LIBRARY_PATH");
        if (ld != null) {
            for (String d : ld.split(File.pathSeparator)) {
                if (!d.isBlank()) {
                    dirs.add(Path.of(d));
                }
            }
        }
        for (String d : List.of("/usr/lib/x86_64-linux-gnu", "/usr/lib64", "/usr/lib", "/usr/local/cuda/lib64",
                "/usr/local/cuda/compat", "/usr/local/nvidia/lib64", "/usr/lib/wsl/lib")) {
            dirs.add(Path.of(d));
        }
        return new ArrayList<>(dirs);
    }

    /** GPU models from the driver's {@code /proc} entries, read without initialising CUDA. */
    @Override
    public String device() {
        Path gpus = Path.of("/proc/driver/nvidia/gpus");
        if (!Files.isDirectory(gpus)) {
            return "no NVIDIA GPU visible (" + gpus + " missing)";
        }
        List<String> models = new ArrayList<>();
        try (Stream<Path> entries = Files.list(gpus)) {
            for (Path gpu : entries.sorted().toList()) {
                try (Stream<String> lines = Files.lines(gpu.resolve("information"))) {
                    lines.filter(l -> l.startsWith("Model:")).map(l -> l.substring(6).trim()).forEach(models::add);
                }
            }
        } catch (IOException e) {
            return "NVIDIA GPU present, model unreadable: " + e.getMessage();
        }
        return models.isEmpty() ? "no NVIDIA GPU listed in " + gpus : String.join(", ", models);
    }

    /** Initialises ND4J and checks it picked CUDA, which it prefers by default when CUDA is usable. */
    @Override
    public void activate() {
        Availability a = availability();
        if (!a.available()) {
            throw new IllegalStateException("backend 'cuda' is unavailable: " + a.reason());
        }
        String chosen = Nd4j.getBackend().getClass().getName();
        if (!chosen.equals(ND4J_CUDA_CLASS)) {
            throw new IllegalStateException("ND4J initialised " + chosen + " instead of CUDA; check the CUDA 11.6 and"
                    + " cuDNN installation and unset BACKEND_PRIORITY_CPU");
        }
    }
}

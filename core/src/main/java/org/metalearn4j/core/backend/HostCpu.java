package org.metalearn4j.core.backend;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The CPU this process runs on as Linux describes it in {@code /proc/cpuinfo}: its model and its feature flags, which
 * decide the ND4J native variant that fits it ({@link Nd4jVariantRule}).
 *
 * @param model e.g. {@code AMD EPYC}; the {@code os.arch} property where {@code /proc/cpuinfo} is unreadable
 * @param flags the first processor's feature flags, e.g. {@code avx2}, {@code fma}, {@code avx512f}; empty where
 *              unknown
 */
public record HostCpu(String model, Set<String> flags) {
    /** The flags that choose among ND4J's x86-64 builds, in the order {@code metalearn backends} prints them. */
    public static final List<String> VARIANT_FLAGS = List.of("avx2", "fma", "avx512f", "avx512bw", "avx512dq",
            "avx512vl", "avx512cd");

    public HostCpu {
        flags = Set.copyOf(flags);
    }

    /** This machine's CPU. */
    public static HostCpu current() {
        return read(Path.of("/proc/cpuinfo"));
    }

    /** The CPU described by a {@code /proc/cpuinfo} file; unknown model and no flags if it cannot be read. */
    public static HostCpu read(Path cpuinfo) {
        try {
            return parse(Files.readString(cpuinfo));
        } catch (IOException | RuntimeException e) {
            return new HostCpu(System.getProperty("os.arch"), Set.of());
        }
    }

    /** Parses the text of {@code /proc/cpuinfo}: the first {@code model name} and the first {@code flags} line. */
    public static HostCpu parse(String cpuinfo) {
        String model = null;
        Set<String> flags = null;
        for (String line : cpuinfo.split("\n")) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String key = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).trim();
            if (model == null && key.equals("model name")) {
                model = value;
            } else if (flags == null && key.equals("flags")) {
                flags = new TreeSet<>(Arrays.asList(value.split("\\s+")));
            }
        }
        return new HostCpu(model != null ? model : System.getProperty("os.arch"), flags != null ? flags : Set.of());
    }

    /** Whether the CPU reports {@code flag}. */
    public boolean has(String flag) {
        return flags.contains(flag);
    }

    /** E.g. {@code avx2 yes, fma yes, avx512f no, ...}: the flags of {@link #VARIANT_FLAGS}. */
    public String variantFlags() {
        if (flags.isEmpty()) {
            return "flags unknown (no readable /proc/cpuinfo)";
        }
        return String.join(", ", VARIANT_FLAGS.stream().map(f -> f + (has(f) ? " yes" : " no")).toList());
    }
}

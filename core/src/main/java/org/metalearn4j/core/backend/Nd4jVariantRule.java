package org.metalearn4j.core.backend;

import java.util.List;
import java.util.Optional;

/**
 * Which ND4J CPU native variant (the {@code nd4j-native} jar's classifier) fits a CPU, and why this build keeps the
 * one its POM fixes ({@code nd4j.classifier}, {@value #BUILT}) instead of choosing at start-up.
 *
 * <p>The rule: all of AVX-512 F/BW/DQ/VL/CD (what the {@code -avx512} builds are compiled for) gives
 * {@code linux-x86_64-onednn-avx512}; else AVX2 with FMA gives {@code linux-x86_64-onednn-avx2}; else the generic
 * {@code linux-x86_64-onednn}. Always a oneDNN build: libnd4j's own conv2d backward pass is about 20 times slower.
 *
 * <p>Why the launcher does not switch to the AVX-512 build where it fits: the convolutions, most of the time of the
 * image workloads, run in oneDNN, which picks its kernels for the CPU at run time (the AVX2 build's libnd4jcpu.so
 * holds oneDNN's {@code avx512_core} kernels), so only libnd4j's own element-wise loops gain: on a 2-core AVX-512
 * EPYC the AVX-512 build ran ProtoNet training episodes about 10% faster and the Conv4 and MLP engine benchmarks no
 * faster (BENCHMARKS.md, "Current figures", 2026-12-07). Switching at start-up would put both 99 MB jars into every build;
 * the reason line tells such a host how to rebuild instead. A CPU without AVX2 or FMA cannot run the fixed build and
 * needs a rebuild with the generic one.
 *
 * @param fits   the variant that fits the CPU
 * @param onPath the variant whose jar is on the class path (what JavaCPP loads), if any
 * @param reason one line: what fits, what is used and why
 */
public record Nd4jVariantRule(String fits, Optional<String> onPath, String reason) {
    /** The classifier the POM fixes. */
    public static final String BUILT = "linux-x86_64-onednn-avx2";
    private static final String BINDINGS = "org/nd4j/linalg/cpu/nativecpu/bindings/";
    private static final List<String> VARIANTS = List.of("linux-x86_64-onednn-avx512", BUILT, "linux-x86_64-onednn",
            "linux-x86_64-avx512", "linux-x86_64-avx2", "linux-x86_64");

    /** The rule for {@code cpu} with this process's class path. */
    public static Nd4jVariantRule forHost(HostCpu cpu) {
        return of(cpu, variantOnClassPath(Nd4jVariantRule.class.getClassLoader()));
    }

    /** The rule for {@code cpu} with the given variant on the class path. */
    public static Nd4jVariantRule of(HostCpu cpu, Optional<String> onPath) {
        String fits = fitting(cpu);
        String used = onPath.orElse("none");
        String reason;
        if (cpu.flags().isEmpty()) {
            reason = "CPU flags unknown; using " + used + " as built";
        } else if (fits.equals(used)) {
            reason = fits + " fits this CPU and is the one used";
        } else if (fits.endsWith("avx512") && used.equals(BUILT)) {
            reason = fits + " would fit this CPU (AVX-512), " + used + " is kept: its oneDNN convolutions already"
                    + " pick AVX-512 kernels at run time, and only libnd4j's own loops gain (ProtoNet episodes about"
                    + " 10% faster); to use it: mvn -Dnd4j.classifier=" + fits + " package";
        } else if (!cpu.has("avx2") || !cpu.has("fma")) {
            reason = "this CPU lacks AVX2/FMA, which " + used + " needs: rebuild with"
                    + " mvn -Dnd4j.classifier=" + fits + " package";
        } else {
            reason = fits + " fits this CPU, " + used + " is on the class path (nd4j.classifier of the build)";
        }
        return new Nd4jVariantRule(fits, onPath, reason);
    }

    /** The best oneDNN variant for {@code cpu} by the rule above. */
    static String fitting(HostCpu cpu) {
        if (List.of("avx512f", "avx512bw", "avx512dq", "avx512vl", "avx512cd").stream().allMatch(cpu::has)) {
            return "linux-x86_64-onednn-avx512";
        }
        return cpu.has("avx2") && cpu.has("fma") ? BUILT : "linux-x86_64-onednn";
    }

    /**
     * The first variant, of ND4J's x86-64 CPU builds, whose native library {@code loader} finds (the classifier jar
     * holds it under {@code org/nd4j/linalg/cpu/nativecpu/bindings/VARIANT/}); found without loading anything.
     */
    static Optional<String> variantOnClassPath(ClassLoader loader) {
        return VARIANTS.stream().filter(v -> loader.getResource(BINDINGS + v + "/libjnind4jcpu.so") != null)
                .findFirst();
    }
}

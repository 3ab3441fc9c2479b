package org.metalearn4j.core.backend;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class Nd4jVariantRuleTest {
    private static final Optional<String> BUILT = Optional.of(Nd4jVariantRule.BUILT);

    private static HostCpu cpu(String... flags) {
        return new HostCpu("test", Set.of(flags));
    }

    @Test
    void avx2WithFmaFitsTheBuiltVariant() {
        Nd4jVariantRule rule = Nd4jVariantRule.of(cpu("avx", "avx2", "fma"), BUILT);
        assertThat(rule.fits()).isEqualTo("linux-x86_64-onednn-avx2");
        assertThat(rule.reason()).isEqualTo("linux-x86_64-onednn-avx2 fits this CPU and is the one used");
    }

    @Test
    void fullAvx512FitsTheAvx512BuildButTheBuiltOneIsKeptWithTheReason() {
        Nd4jVariantRule rule = Nd4jVariantRule.of(cpu("avx2", "fma", "avx512f", "avx512bw", "avx512dq", "avx512vl",
                "avx512cd"), BUILT);
        assertThat(rule.fits()).isEqualTo("linux-x86_64-onednn-avx512");
        assertThat(rule.reason()).startsWith("linux-x86_64-onednn-avx512 would fit this CPU (AVX-512), "
                + "linux-x86_64-onednn-avx2 is kept").contains("oneDNN")
                .endsWith("mvn -Dnd4j.classifier=linux-x86_64-onednn-avx512 package");
        // AVX-512 F alone (e.g. Xeon Phi) is not what the -avx512 builds are compiled for.
        assertThat(Nd4jVariantRule.of(cpu("avx2", "fma", "avx512f"), BUILT).fits()).isEqualTo(Nd4jVariantRule.BUILT);
    }

    @Test
    void aCpuWithoutAvx2OrFmaIsToldToRebuildWithTheGenericVariant() {
        Nd4jVariantRule rule = Nd4jVariantRule.of(cpu("avx", "sse4_2"), BUILT);
        assertThat(rule.fits()).isEqualTo("linux-x86_64-onednn");
        assertThat(rule.reason()).isEqualTo("this CPU lacks AVX2/FMA, which linux-x86_64-onednn-avx2 needs: rebuild"
                + " with mvn -Dnd4j.classifier=linux-x86_64-onednn package");
        assertThat(Nd4jVariantRule.of(cpu("avx2"), BUILT).fits()).isEqualTo("linux-x86_64-onednn");
    }

    @Test
    void unknownFlagsKeepTheVariantOnTheClassPath() {
        assertThat(Nd4jVariantRule.of(cpu(), BUILT).reason())
                .isEqualTo("CPU flags unknown; using linux-x86_64-onednn-avx2 as built");
    }

    @Test
    void theVariantIsTheOneWhoseNativeLibraryIsOnTheClassPath() {
        // The tests of this module run with the variant the POM fixes, and with no other.
        assertThat(Nd4jVariantRule.variantOnClassPath(getClass().getClassLoader())).contains(Nd4jVariantRule.BUILT);
        assertThat(Nd4jVariantRule.forHost(HostCpu.current()).onPath()).contains(Nd4jVariantRule.BUILT);
        assertThat(Nd4jVariantRule.variantOnClassPath(new ClassLoader(null) { })).isEmpty();
    }
}

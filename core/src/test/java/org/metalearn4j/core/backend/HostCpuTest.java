package org.metalearn4j.core.backend;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostCpuTest {
    static final String EPYC = """
            processor\t: 0
            vendor_id\t: AuthenticAMD
            model name\t: AMD EPYC
            flags\t\t: fpu vme sse4_2 avx fma avx2 sha_ni
            
            processor\t: 1
            model name\t: another
            flags\t\t: fpu
            """;

    @Test
    void theFirstProcessorsModelAndFlagsAreRead() {
        HostCpu cpu = HostCpu.parse(EPYC);
        assertThat(cpu.model()).isEqualTo("AMD EPYC");
        assertThat(cpu.flags()).containsExactlyInAnyOrder("fpu", "vme", "sse4_2", "avx", "fma", "avx2", "sha_ni");
        assertThat(cpu.variantFlags()).isEqualTo("avx2 yes, fma yes, avx512f no, avx512bw no, avx512dq no,"
                + " avx512vl no, avx512cd no");
    }

    @Test
    void anUnreadableFileGivesTheArchitectureAndNoFlags(@TempDir Path dir) throws IOException {
        HostCpu missing = HostCpu.read(dir.resolve("nope"));
        assertThat(missing.model()).isEqualTo(System.getProperty("os.arch"));
        assertThat(missing.flags()).isEmpty();
        assertThat(missing.variantFlags()).contains("unknown");
        assertThat(HostCpu.read(Files.writeString(dir.resolve("cpuinfo"), EPYC)).has("avx2")).isTrue();
    }
}

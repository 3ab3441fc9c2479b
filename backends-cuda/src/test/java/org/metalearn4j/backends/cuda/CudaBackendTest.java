package org.metalearn4j.backends.cuda;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.metalearn4j.core.backend.Availability;

class CudaBackendTest {

    @Test
    void withoutTheCudaBuildTheReasonNamesTheMavenProfile() {
        Availability a = new CudaBackend().availability();
        if (getClass().getClassLoader().getResource(CudaBackend.ND4J_CUDA_CLASS.replace('.', '/') + ".class") == null) {
            assertThat(a).isEqualTo(Availability.no("nd4j-cuda-11.6 is not on the class path (build with -Pcuda)"));
        } else {
            assertThat(a.reason()).isNotBlank();
        }
        assertThat(new CudaBackend().device()).isNotBlank();
    }

    @Test
    void probeReportsEachMissingPieceConcretely(@TempDir Path root) throws IOException {
        Path lib = Files.createDirectories(root.resolve("lib"));
        Path dev = Files.createDirectories(root.resolve("dev"));

        assertThat(CudaBackend.probe(false, List.of(lib), dev).reason()).contains("build with -Pcuda");
        Availability noDriver = CudaBackend.probe(true, List.of(lib), dev);
        assertThat(noDriver.available()).isFalse();
        assertThat(noDriver.reason()).isEqualTo("libcuda.so.1 not found (no NVIDIA driver) in [" + lib + "]");

        Files.createFile(lib.resolve("libcuda.so.1"));
        assertThat(CudaBackend.probe(true, List.of(lib), dev).reason()).startsWith("no GPU device: ");

        Files.createFile(dev.resolve("nvidia0"));
        Availability ok = CudaBackend.probe(true, List.of(lib), dev);
        assertThat(ok.available()).isTrue();
        assertThat(ok.reason()).contains(lib.resolve("libcuda.so.1").toString());
    }
}

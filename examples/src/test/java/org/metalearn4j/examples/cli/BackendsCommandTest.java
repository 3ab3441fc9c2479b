package org.metalearn4j.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.metalearn4j.core.backend.HostCpu;

class BackendsCommandTest {
    @Test
    void printsTheCpuItsFlagsTheLoadedNd4jVariantAndTheVariantRule() {
        CliRun r = CliRun.of("backends");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("cpu: " + HostCpu.current().model() + "; ")
                .containsPattern("avx2 (yes|no), fma (yes|no), avx512f (yes|no)")
                .contains("nd4j native variant: loaded linux-x86_64-onednn-avx2, on the class path "
                        + "linux-x86_64-onednn-avx2")
                .containsPattern("variant rule: linux-x86_64-onednn\\S* (fits|would fit) this CPU");
    }
}

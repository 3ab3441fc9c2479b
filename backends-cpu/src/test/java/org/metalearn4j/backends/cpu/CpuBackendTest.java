package org.metalearn4j.backends.cpu;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.metalearn4j.core.plugin.BackendSelector;
import org.metalearn4j.core.plugin.PluginRegistry;
import org.nd4j.linalg.factory.Nd4j;

class CpuBackendTest {

    @Test
    void isDiscoveredAvailableAndActivates() {
        try (PluginRegistry registry = PluginRegistry.discover(getClass().getClassLoader(), null)) {
            CpuBackend cpu = (CpuBackend) registry.backend("cpu");
            assertThat(cpu.availability().available()).as(cpu.availability().reason()).isTrue();
            assertThat(cpu.availability().reason()).startsWith("nd4j-native linux-x86_64");
            assertThat(cpu.device()).contains(Runtime.getRuntime().availableProcessors() + " threads")
                    .contains("oneDNN yes");
            assertThat(BackendSelector.select(registry, "auto")).isSameAs(cpu);

            cpu.activate();
            assertThat(Nd4j.getBackend()).isInstanceOf(org.nd4j.linalg.cpu.nativecpu.CpuBackend.class);
            assertThat(Nd4j.ones(2, 2).sumNumber().intValue()).isEqualTo(4);
        }
    }
}

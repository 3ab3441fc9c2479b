package org.metalearn4j.core.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.metalearn4j.core.backend.Availability;
import org.metalearn4j.core.backend.Backend;
import org.metalearn4j.core.spi.ConfigException;

class BackendSelectorTest {

    private static Backend backend(String name, int rank, Availability availability) {
        return new Backend() {
            public String name() {
                return name;
            }

            public int rank() {
                return rank;
            }

            public Availability availability() {
                return availability;
            }

            public String device() {
                return name + " device";
            }

            public void activate() {
            }
        };
    }

    private final PluginRegistry registry = PluginRegistry.of("test",
            backend("cpu", 10, Availability.yes("native library loaded")),
            backend("cuda", 100, Availability.no("libcuda.so.1 not found")),
            backend("slow", 1, Availability.yes("always")));

    @Test
    void autoPicksTheHighestRankedAvailableBackend() {
        assertThat(BackendSelector.select(registry, "auto").name()).isEqualTo("cpu");
    }

    @Test
    void explicitUnavailableBackendFailsWithItsReason() {
        assertThatThrownBy(() -> BackendSelector.select(registry, "cuda"))
                .isInstanceOf(BackendUnavailableException.class)
                .hasMessage("backend 'cuda' is unavailable: libcuda.so.1 not found");
        assertThatThrownBy(() -> BackendSelector.select(registry, "cuda", "run.yaml"))
                .hasMessage("backend 'cuda' is unavailable: libcuda.so.1 not found (in run.yaml)");
        assertThatThrownBy(() -> BackendSelector.select(registry, "tpu", "run.yaml"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("backend: no backend named 'tpu'; available: auto, cpu, cuda, slow (in run.yaml)");
        assertThat(BackendSelector.select(registry, "slow").name()).isEqualTo("slow");
    }

    @Test
    void noAvailableBackendListsEveryReason() {
        PluginRegistry none = PluginRegistry.of("test", backend("cuda", 100, Availability.no("no GPU")));
        assertThatThrownBy(() -> BackendSelector.select(none, "auto"))
                .hasMessage("no backend is available: cuda: no GPU");
    }
}

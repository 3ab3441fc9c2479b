package org.metalearn4j.datasets.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DataDirectoryTest {
    @Test
    void configuredBeatsEnvironmentBeatsHome() {
        Map<String, String> env = Map.of(DataDirectory.ENV, "/data/ml");
        assertThat(DataDirectory.resolve("/opt/cache", env, "/home/u")).isEqualTo(Path.of("/opt/cache"));
        assertThat(DataDirectory.resolve(null, env, "/home/u")).isEqualTo(Path.of("/data/ml"));
        assertThat(DataDirectory.resolve(" ", Map.of(), "/home/u")).isEqualTo(Path.of("/home/u/.cache/metalearn4j"));
    }
}

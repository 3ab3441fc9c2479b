package org.metalearn4j.core.pipeline;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import org.metalearn4j.core.checkpoint.Provenance;
import org.metalearn4j.core.spi.ProviderRegistry;

/**
 * What a running stage may use: the discovered providers (to open data sets and create learners by name), a directory
 * of its own for checkpoints and outputs, the run's seed, and where to report progress.
 *
 * @param progress receives the stage's progress reports; {@link StageProgress#NONE} when nobody watches
 */
public record StageContext(ProviderRegistry registry, Path workDir, long seed, StageProgress progress) {
    public StageContext {
        Objects.requireNonNull(progress, "progress");
    }

    /**
     * The provenance of an artifact this stage makes now: this process's library versions, git commit and time, the
     * stage's seed, and {@code details}, the stage's own keys (dataset, backbone, ...). A pipeline runner adds its
     * keys (stage name, index, config, input) when it saves the artifact.
     */
    public Provenance provenance(Map<String, String> details) {
        return Provenance.current(seed).with(details);
    }
}

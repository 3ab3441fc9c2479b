package org.metalearn4j.core.pipeline;

import java.nio.file.Path;
import java.util.Objects;
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
}

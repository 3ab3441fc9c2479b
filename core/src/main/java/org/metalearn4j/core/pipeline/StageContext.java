package org.metalearn4j.core.pipeline;

import java.nio.file.Path;
import org.metalearn4j.core.spi.ProviderRegistry;

/**
 * What a running stage may use: the discovered providers (to open data sets and create learners by name), a directory
 * of its own for checkpoints and outputs, and the run's seed.
 */
public record StageContext(ProviderRegistry registry, Path workDir, long seed) {
}

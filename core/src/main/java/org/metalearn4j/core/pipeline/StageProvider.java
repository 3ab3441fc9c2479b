package org.metalearn4j.core.pipeline;

import org.metalearn4j.core.spi.Provider;

/** Discovered through {@link java.util.ServiceLoader}: pipeline stages referenced by name in a pipeline config. */
public interface StageProvider<C extends Record> extends Provider<C> {

    PipelineStage create(C config);
}

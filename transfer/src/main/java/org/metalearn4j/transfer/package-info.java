/**
 * Transfer learning for metalearn4j: pipelines of stages (pretrain, fine-tune, multi-task, zero-shot, instance
 * transfer, distillation, meta-train, evaluate) discovered through {@link java.util.ServiceLoader} as
 * {@link org.metalearn4j.core.pipeline.StageProvider}s and chained in one YAML config.
 *
 * <p>{@link org.metalearn4j.transfer.pipeline.PipelineValidator} checks a whole pipeline (stage names, artifact kinds,
 * referenced files, config fields) before {@link org.metalearn4j.transfer.pipeline.PipelineRunner} trains anything;
 * the runner saves every stage's artifact, publishes stage progress as pipeline events
 * ({@link org.metalearn4j.core.event.PipelineEvents}) and can resume a run from its finished stages.
 */
package org.metalearn4j.transfer;

/**
 * Reading run directories as they are on disk, while they are being written or after: a training run's
 * {@code config.json}, {@code metrics.jsonl} and checkpoints, and a pipeline run's stage directories and
 * {@code pipeline.jsonl}. Readers never write, follow no symbolic links, and report a damaged file as a problem that
 * names the file, the line and what is wrong instead of failing, so the rest of a run stays visible. The dashboard and
 * {@code metalearn plot} read through this package.
 */
package org.metalearn4j.examples.runs;

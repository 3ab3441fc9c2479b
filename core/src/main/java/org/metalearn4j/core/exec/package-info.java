/**
 * Where the tasks of a meta-batch run: the {@link org.metalearn4j.core.exec.TaskExecutor} seam between a
 * {@link org.metalearn4j.core.learner.TaskwiseLearner}'s per-task work and its update, with a local, threaded default.
 */
package org.metalearn4j.core.exec;

/**
 * {@code mixture}: a data set whose tasks come from several other data sets (task families) at once, each task
 * keeping its family's domain, for learners that must tell families apart (a task-conditioned optimizer).
 */
package org.metalearn4j.datasets.mixture;

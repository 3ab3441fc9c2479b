package org.metalearn4j.model.taskembed;

import org.metalearn4j.core.task.Examples;

/**
 * A training task kept for the nearest-task warm start: its support set (embedded again whenever an adapter is made,
 * with the encoder of that moment) and its reference solution fitted on all its points.
 *
 * @param support  the support set
 * @param solution the ridge solution {@code [features][outputs]}
 */
record KnownSolution(Examples support, double[][] solution) {
}

/**
 * Environments for meta-reinforcement learning: an {@link org.metalearn4j.core.env.Environment} is one task's Markov
 * decision process ({@code reset}, {@code step}), an {@link org.metalearn4j.core.env.EnvironmentFamily} makes one per
 * task from the task's parameters, and an {@link org.metalearn4j.core.env.EnvironmentDataset} offers the family as a
 * data set of {@link org.metalearn4j.core.task.TaskType#CONTROL} tasks, found by name through a
 * {@code DatasetProvider} like any data set.
 */
package org.metalearn4j.core.env;

/**
 * Task embeddings: {@code task-encoder} learns a {@link org.metalearn4j.core.learner.TaskEncoder} (a
 * {@link org.metalearn4j.model.taskembed.SetEncoder} over the support pairs) whose embedding distances follow the
 * distances between the tasks' solutions, independently of any learner: the solution of a task is a ridge regression
 * on fixed random Fourier features of all its points ({@link org.metalearn4j.model.taskembed.RidgeSolutions}), and the
 * distance between two tasks the root-mean-square difference of their solutions' predictions on both tasks' inputs.
 * Its adapter is a "nearest known task" warm start ({@link org.metalearn4j.core.learner.KnownTasks}): the new task's
 * ridge regression is pulled towards the solution of the most similar training task instead of towards zero.
 */
package org.metalearn4j.model.taskembed;

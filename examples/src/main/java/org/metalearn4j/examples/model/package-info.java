/**
 * Benchmark and example mains of the model-based learners (neural processes, weight generation, MANN, task
 * embeddings): each trains within a wall-clock budget of training time, checkpoints into its {@code --out} directory
 * (a main started again with the same directory continues), and prints one JSON object. The commands, their wall
 * times and what each figure means are listed with the notes.
 */
package org.metalearn4j.examples.model;

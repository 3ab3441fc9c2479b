package org.metalearn4j.core.learner;

/**
 * An adapter whose episodes can be scored side by side on several threads, each episode's arrays in a step arena
 * ({@code StepArena}) that is freed as soon as the episode is scored: {@link #adapt} and its predictor read only
 * state made before the evaluation started, write nothing shared, and keep no array beyond the episode. An
 * evaluation then runs such episodes in parallel, each on a worker thread with one OpenMP thread, and combines their
 * scores in episode order, so the result is the same for any number of threads and cores (ops that split a
 * reduction among OpenMP threads, such as a convolution's weight gradient, would otherwise round differently on a
 * host with more cores). Fine-tuning adapters (MAML and its family) declare it; an adapter that caches anything
 * between episodes must not.
 */
public interface IsolatedAdapter extends Adapter {
}

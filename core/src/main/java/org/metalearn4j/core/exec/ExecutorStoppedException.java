package org.metalearn4j.core.exec;

/**
 * Thrown by a {@link TaskExecutor} that can no longer compute a meta-batch and was told to stop rather than compute
 * it some other way (e.g. every worker of a cluster is gone). Nothing of the step has been applied, so the training
 * loop ends the run as if it had been interrupted before this step: it writes a checkpoint of the iterations done, from
 * which the run can be resumed.
 */
public class ExecutorStoppedException extends RuntimeException {
    public ExecutorStoppedException(String message) {
        super(message);
    }
}

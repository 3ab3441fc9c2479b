package org.metalearn4j.cluster;

import io.vertx.core.AsyncResult;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import org.metalearn4j.cluster.wire.TaskAnswer;
import org.metalearn4j.cluster.wire.Wire;
import org.metalearn4j.cluster.wire.WireException;
import org.metalearn4j.core.learner.TaskResult;

/**
 * A worker's reply to one task order, read and checked on the event loop that received it, before the coordinator's
 * dispatch thread acts on it: a result, or why there is none.
 *
 * @param result         the result, when the reply parsed and passed the checks
 * @param worker         the answering worker's id, when the reply parsed
 * @param computeSeconds the worker's compute time
 * @param queuedSeconds  how long the order waited on the worker for a task thread
 * @param problem        what is wrong with a reply that came: it does not parse, or its arrays have other shapes
 * @param nonFinite      where a result holds NaN or infinity (the result is kept, to be checked here)
 * @param failure        the failure code the worker answered with, {@code TIMEOUT} or {@code NO_HANDLERS} as
 *                       negative codes, or 0
 * @param reason         the failure's message
 */
record Answer(TaskResult result, String worker, double computeSeconds, double queuedSeconds, String problem,
              String nonFinite, int failure, String reason) {
    /** {@link #failure()} when the worker did not answer in time. */
    static final int TIMEOUT = -1;
    /** {@link #failure()} when nobody listens at the address. */
    static final int NO_HANDLERS = -2;
    /** {@link #failure()} for any other failure to deliver. */
    static final int UNDELIVERED = -3;

    boolean ok() {
        return failure == 0 && problem == null && nonFinite == null;
    }

    static Answer of(AsyncResult<Message<Object>> reply, String runId, long version, ResultCheck check,
                     ClusterStats stats) {
        if (reply.failed()) {
            Throwable cause = reply.cause();
            if (cause instanceof ReplyException re) {
                int code = re.failureType() == ReplyFailure.TIMEOUT ? TIMEOUT
                        : re.failureType() == ReplyFailure.NO_HANDLERS ? NO_HANDLERS
                        : re.failureType() == ReplyFailure.RECIPIENT_FAILURE ? re.failureCode() : UNDELIVERED;
                return new Answer(null, null, 0, 0, null, null, code == 0 ? UNDELIVERED : code, re.getMessage());
            }
            return new Answer(null, null, 0, 0, null, null, UNDELIVERED, String.valueOf(cause));
        }
        Object body = reply.result().body();
        long t0 = System.nanoTime();
        try {
            if (body instanceof io.vertx.core.buffer.Buffer b) {
                stats.bytesIn.addAndGet(b.length());
            }
            Wire.Message<TaskAnswer> m = Wire.decode(body, TaskAnswer.class);
            TaskAnswer a = m.header();
            if (!a.runId().equals(runId) || a.version() != version) {
                return new Answer(null, a.worker(), 0, 0, "an answer for run " + a.runId() + " iteration "
                        + a.version() + " to an order of run " + runId + " iteration " + version, null, 0, null);
            }
            if (m.payload() == null) {
                return new Answer(null, a.worker(), 0, 0, "an answer without the result's arrays", null, 0, null);
            }
            TaskResult result = new TaskResult(m.payload(), a.loss(), a.metric(), a.extras());
            String shape = check.shapeProblem(result.tensors());
            return new Answer(result, a.worker(), a.computeSeconds(), a.queuedSeconds(),
                    shape == null ? null : "a result with " + shape, ResultCheck.nonFinite(result), 0, null);
        } catch (WireException e) {
            return new Answer(null, null, 0, 0, "a message that does not parse: " + e.getMessage(), null, 0, null);
        } finally {
            stats.decodeSeconds.add((System.nanoTime() - t0) / 1e9);
        }
    }
}

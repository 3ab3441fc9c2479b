package org.metalearn4j.core.task;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One episode: a support set to adapt on and a query set to be scored on.
 *
 * @param support    examples the learner may adapt on
 * @param query      held-out examples of the same classes/function used for the loss or metric
 * @param type       classification or regression
 * @param ways       number of classes (1 for regression)
 * @param shots      support examples per class (support points for regression)
 * @param domain     where the task comes from, e.g. {@code omniglot-small/meta-test}; carried into metrics and
 *                   provenance
 * @param descriptor side information about the whole task that a data set may provide beside the examples, as a
 *                   rank-1 vector (attributes of the classes, the parameters a generated function was drawn with);
 *                   learners may use it only when configured to, and it is visible to adapters like the support set
 */
public record Task(Examples support, Examples query, TaskType type, int ways, int shots, String domain,
                   Optional<INDArray> descriptor) {
    public Task {
        Objects.requireNonNull(support, "support");
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(descriptor, "descriptor");
        if (ways < 1 || shots < 0) {
            throw new IllegalArgumentException("Task " + domain + ": ways must be >= 1 and shots >= 0, got ways="
                    + ways + " shots=" + shots);
        }
        descriptor.ifPresent(d -> {
            if (d.rank() != 1) {
                throw new IllegalArgumentException("Task " + domain + ": a descriptor must be a vector, got shape "
                        + Arrays.toString(d.shape()));
            }
        });
    }

    /** A task without a descriptor. */
    public Task(Examples support, Examples query, TaskType type, int ways, int shots, String domain) {
        this(support, query, type, ways, shots, domain, Optional.empty());
    }

    /** This task, after {@link Examples#requireFinite} on its support and query sets. */
    public Task requireFinite() {
        support.requireFinite(domain + " support set");
        query.requireFinite(domain + " query set");
        return this;
    }

    /** The same episode with other support and query sets (an augmentation), keeping type, sizes and descriptor. */
    public Task withExamples(Examples newSupport, Examples newQuery) {
        return new Task(newSupport, newQuery, type, ways, shots, domain, descriptor);
    }
}

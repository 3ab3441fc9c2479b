package org.metalearn4j.core.task;

import java.util.Objects;

/**
 * One episode: a support set to adapt on and a query set to be scored on.
 *
 * @param support examples the learner may adapt on
 * @param query   held-out examples of the same classes/function used for the loss or metric
 * @param type    classification or regression
 * @param ways    number of classes (1 for regression)
 * @param shots   support examples per class (support points for regression)
 * @param domain  where the task comes from, e.g. {@code omniglot-small/meta-test}; carried into metrics and provenance
 */
public record Task(Examples support, Examples query, TaskType type, int ways, int shots, String domain) {
    public Task {
        Objects.requireNonNull(support, "support");
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(domain, "domain");
        if (ways < 1 || shots < 0) {
            throw new IllegalArgumentException("Task " + domain + ": ways must be >= 1 and shots >= 0, got ways="
                    + ways + " shots=" + shots);
        }
    }
}

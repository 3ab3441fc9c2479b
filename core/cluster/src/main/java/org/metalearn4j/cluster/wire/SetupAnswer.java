package org.metalearn4j.cluster.wire;

/**
 * A worker's answer to a {@link RunSpec}.
 *
 * @param ready    true when it created the learner and will compute the run's tasks
 * @param reason   why it refused, when not ready
 * @param hasData  true when it opened the data set and regenerates episodes from their seeds; false: the episodes'
 *                 examples must travel with each task
 * @param dataNote why it could not open the data set, when it could not
 */
public record SetupAnswer(boolean ready, String reason, boolean hasData, String dataNote) {

    public static SetupAnswer refused(String reason) {
        return new SetupAnswer(false, reason, false, "");
    }
}

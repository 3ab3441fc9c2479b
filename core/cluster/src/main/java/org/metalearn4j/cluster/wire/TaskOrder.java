package org.metalearn4j.cluster.wire;

/**
 * One task of a meta-batch for a worker. Without a payload the worker regenerates the episode from {@code seed} with
 * its copy of the data set and checks it against {@code checksum}; otherwise the payload holds the episode's arrays
 * ({@code support.x}, {@code support.y}, {@code query.x}, {@code query.y}) and the other fields describe it.
 *
 * @param runId    the run
 * @param version  the meta-iteration whose parameters the task is computed with (see {@link StateQuery})
 * @param index    the task's position in the meta-batch
 * @param seed     the seed the episode was drawn with
 * @param checksum the episode's {@code TaskChecksum}
 * @param type     the episode's task type
 * @param ways     its ways
 * @param shots    its shots
 * @param domain   its domain
 */
public record TaskOrder(String runId, long version, int index, long seed, long checksum, String type, int ways,
                        int shots, String domain) {
}

package org.metalearn4j.core.task;

/**
 * The shape of an episode: N ways, K shots and Q queries per class. For regression tasks {@code way} is 1, {@code shot}
 * is the number of support points and {@code query} the number of query points.
 */
public record EpisodeSpec(int way, int shot, int query) {
    public EpisodeSpec {
        if (way < 1) {
            throw new IllegalArgumentException("way must be >= 1, got " + way);
        }
        if (shot < 1) {
            throw new IllegalArgumentException("shot must be >= 1, got " + shot);
        }
        if (query < 1) {
            throw new IllegalArgumentException("query must be >= 1, got " + query);
        }
    }
}

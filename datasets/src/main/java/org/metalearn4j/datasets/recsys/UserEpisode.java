package org.metalearn4j.datasets.recsys;

/**
 * One cold-start task: a user's known ratings (support) and the ratings to predict (query).
 *
 * @param user           the user id
 * @param supportItems   movie ids of the known ratings
 * @param supportRatings the known ratings
 * @param queryItems     movie ids to predict
 * @param queryRatings   their true ratings
 */
public record UserEpisode(int user, int[] supportItems, float[] supportRatings, int[] queryItems,
                          float[] queryRatings) {
    public UserEpisode {
        if (supportItems.length != supportRatings.length || queryItems.length != queryRatings.length) {
            throw new IllegalArgumentException("user " + user + ": items and ratings of different lengths");
        }
    }
}

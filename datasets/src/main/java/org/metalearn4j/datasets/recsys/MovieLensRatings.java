package org.metalearn4j.datasets.recsys;

import java.util.Map;

/**
 * Ratings of movies by users, one rating per row, and the movies they refer to.
 *
 * @param users   user id of each rating
 * @param movies  movie id of each rating
 * @param ratings the rating, 0.5 to 5 in steps of 0.5
 * @param catalog every rated movie by id
 */
public record MovieLensRatings(int[] users, int[] movies, float[] ratings, Map<Integer, Movie> catalog) {
    public MovieLensRatings {
        if (users.length != movies.length || users.length != ratings.length) {
            throw new IllegalArgumentException("ratings: columns of different lengths");
        }
        catalog = Map.copyOf(catalog);
    }

    /** Number of ratings. */
    public int size() {
        return users.length;
    }
}

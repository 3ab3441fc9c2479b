package org.metalearn4j.datasets.recsys;

import java.util.List;

/**
 * A movie of the ratings table.
 *
 * @param id     MovieLens movie id
 * @param title  its title without the year
 * @param year   release year, or 0 where the table has none
 * @param genres its MovieLens genres, e.g. {@code [Animation, Children]}
 */
public record Movie(int id, String title, int year, List<String> genres) {
    public Movie {
        genres = List.copyOf(genres);
    }
}

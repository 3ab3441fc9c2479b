package org.metalearn4j.datasets.recsys;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.metalearn4j.core.dataset.DatasetException;

/**
 * Cold-start episodes of one split: a user with at least {@code shot + query} ratings, whose ratings are shuffled
 * by the episode's seed; the first {@code query} are the ones to predict, the next {@code shot} the known ratings
 * (support). So for one user and seed the ratings to predict are the same whatever the number of known ratings, and
 * a larger support contains the smaller ones. Pure functions of the seed.
 */
public final class UserEpisodes {
    private final ColdStartSplit split;
    private final int[] eligible;
    private final int shot;
    private final int query;

    public UserEpisodes(ColdStartSplit split, String splitName, int shot, int query) {
        this.split = split;
        this.shot = shot;
        this.query = query;
        this.eligible = Arrays.stream(split.users(splitName)).filter(u -> split.rows(u).length >= shot + query)
                .toArray();
        if (eligible.length == 0) {
            throw new DatasetException("movielens/" + splitName + ": no user has the " + (shot + query)
                    + " ratings an episode of " + shot + " known and " + query + " predicted ratings needs");
        }
    }

    /** The users with enough ratings, increasing. */
    public int[] eligibleUsers() {
        return eligible.clone();
    }

    /** An episode of a user drawn uniformly from the eligible ones. */
    public UserEpisode sample(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        return of(eligible[random.nextInt(eligible.length)], random);
    }

    /** An episode of {@code user}, its ratings shuffled by {@code seed}; fails if the user has too few ratings. */
    public UserEpisode forUser(int user, long seed) {
        if (split.rows(user).length < shot + query) {
            throw new IllegalArgumentException("movielens: user " + user + " has " + split.rows(user).length
                    + " ratings, fewer than " + (shot + query));
        }
        return of(user, new SplittableRandom(seed));
    }

    private UserEpisode of(int user, SplittableRandom random) {
        int[] rows = split.rows(user);
        for (int i = 0; i < shot + query; i++) {
            int j = i + random.nextInt(rows.length - i);
            int t = rows[i];
            rows[i] = rows[j];
            rows[j] = t;
        }
        int[] supportItems = new int[shot];
        float[] supportRatings = new float[shot];
        int[] queryItems = new int[query];
        float[] queryRatings = new float[query];
        MovieLensRatings r = split.ratings();
        for (int i = 0; i < query; i++) {
            queryItems[i] = r.movies()[rows[i]];
            queryRatings[i] = r.ratings()[rows[i]];
        }
        for (int i = 0; i < shot; i++) {
            supportItems[i] = r.movies()[rows[query + i]];
            supportRatings[i] = r.ratings()[rows[query + i]];
        }
        return new UserEpisode(user, supportItems, supportRatings, queryItems, queryRatings);
    }
}

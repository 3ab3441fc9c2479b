package org.metalearn4j.datasets.recsys;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import org.metalearn4j.core.dataset.DatasetException;

/**
 * Users divided into disjoint {@code meta-train}, {@code meta-val} and {@code meta-test} sets by a seeded shuffle (of
 * the user ids in increasing order, so the division depends on the seed and fractions only), and what is known from
 * the meta-train users alone: the mean rating and number of ratings of each movie and the overall mean. Nothing about
 * a meta-val or meta-test user's ratings enters the statistics, so such a user is a true cold start.
 */
public final class ColdStartSplit {
    /** The split names, in order. */
    public static final List<String> SPLITS = List.of("meta-train", "meta-val", "meta-test");

    private final MovieLensRatings ratings;
    private final Map<String, int[]> users;
    private final Map<Integer, int[]> rowsOfUser;
    private final Map<Integer, double[]> movieStats;
    private final double globalMean;

    public ColdStartSplit(MovieLensRatings ratings, double trainFraction, double valFraction, long seed) {
        this.ratings = ratings;
        Map<Integer, List<Integer>> rows = new TreeMap<>();
        for (int row = 0; row < ratings.size(); row++) {
            rows.computeIfAbsent(ratings.users()[row], u -> new ArrayList<>()).add(row);
        }
        this.rowsOfUser = new HashMap<>();
        rows.forEach((u, r) -> rowsOfUser.put(u, r.stream().mapToInt(Integer::intValue).toArray()));
        int[] ids = rows.keySet().stream().mapToInt(Integer::intValue).toArray();
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = ids.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = ids[i];
            ids[i] = ids[j];
            ids[j] = t;
        }
        int train = (int) Math.round(trainFraction * ids.length);
        int val = (int) Math.round(valFraction * ids.length);
        this.users = new LinkedHashMap<>();
        users.put(SPLITS.get(0), sorted(Arrays.copyOfRange(ids, 0, train)));
        users.put(SPLITS.get(1), sorted(Arrays.copyOfRange(ids, train, Math.min(ids.length, train + val))));
        users.put(SPLITS.get(2), sorted(Arrays.copyOfRange(ids, Math.min(ids.length, train + val), ids.length)));
        this.movieStats = new HashMap<>();
        double sum = 0;
        long count = 0;
        for (int u : users.get(SPLITS.get(0))) {
            for (int row : rowsOfUser.get(u)) {
                double[] s = movieStats.computeIfAbsent(ratings.movies()[row], m -> new double[2]);
                s[0] += ratings.ratings()[row];
                s[1]++;
                sum += ratings.ratings()[row];
                count++;
            }
        }
        if (count == 0) {
            throw new DatasetException("movielens: the meta-train split has no users (trainFraction " + trainFraction
                    + ")");
        }
        this.globalMean = sum / count;
    }

    private static int[] sorted(int[] a) {
        int[] c = a.clone();
        Arrays.sort(c);
        return c;
    }

    /** The ratings table. */
    public MovieLensRatings ratings() {
        return ratings;
    }

    /** The user ids of a split, increasing; fails naming the split. */
    public int[] users(String split) {
        int[] u = users.get(split);
        if (u == null) {
            throw new DatasetException("movielens has no split '" + split + "'; available: " + SPLITS);
        }
        return u.clone();
    }

    /** Rows of the ratings table that belong to {@code user}, in table order. */
    public int[] rows(int user) {
        int[] r = rowsOfUser.get(user);
        if (r == null) {
            throw new IllegalArgumentException("movielens: no user " + user);
        }
        return r.clone();
    }

    /** The mean rating over every meta-train rating. */
    public double globalMean() {
        return globalMean;
    }

    /** Meta-train users' mean rating of {@code movie}, or NaN if none of them rated it. */
    public double movieMean(int movie) {
        double[] s = movieStats.get(movie);
        return s == null ? Double.NaN : s[0] / s[1];
    }

    /** How many meta-train users rated {@code movie}. */
    public int movieCount(int movie) {
        double[] s = movieStats.get(movie);
        return s == null ? 0 : (int) s[1];
    }

    /** The most ratings any movie has from meta-train users. */
    public int maxMovieCount() {
        return movieStats.values().stream().mapToInt(s -> (int) s[1]).max().orElse(0);
    }

    /** Every genre of the catalogue, sorted. */
    public List<String> genres() {
        TreeSet<String> all = new TreeSet<>();
        ratings.catalog().values().forEach(m -> all.addAll(m.genres()));
        return List.copyOf(all);
    }
}

package org.metalearn4j.datasets.recsys;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The input vector of one (user, movie) pair: what the movie is, and what the user's known ratings say about the
 * user. The table has no user attributes (MeLU's age, occupation...), so the user part is computed from the task's
 * support ratings only, never from the ratings to be predicted:
 * <ul>
 *   <li>movie: its genres (one indicator per genre), its year (standardised), its mean rating among meta-train users
 *       minus the overall mean (shrunk toward it by {@value #PRIOR} pseudo-ratings) and its popularity
 *       ({@code log(1 + count) / log(1 + max count)});</li>
 *   <li>user: the mean of the known ratings minus the overall mean, and per genre the mean deviation of the known
 *       ratings of that genre's movies from the user's own mean (0 for a genre without known ratings);</li>
 *   <li>their match: the user's genre deviations averaged over the movie's genres.</li>
 * </ul>
 */
public final class RatingFeatures {
    /** Pseudo-ratings at the overall mean added to a movie's mean. */
    public static final int PRIOR = 5;

    private final ColdStartSplit split;
    private final List<String> genres;
    private final Map<String, Integer> genreIndex = new HashMap<>();
    private final double yearMean;
    private final double yearSd;
    private final double logMaxCount;

    public RatingFeatures(ColdStartSplit split) {
        this.split = split;
        this.genres = split.genres();
        for (int g = 0; g < genres.size(); g++) {
            genreIndex.put(genres.get(g), g);
        }
        double[] years = split.ratings().catalog().values().stream().mapToDouble(Movie::year).filter(y -> y > 0)
                .toArray();
        this.yearMean = Arrays.stream(years).average().orElse(0);
        this.yearSd = Math.sqrt(Arrays.stream(years).map(y -> (y - yearMean) * (y - yearMean)).average().orElse(1));
        this.logMaxCount = Math.log1p(Math.max(1, split.maxMovieCount()));
    }

    /** Width of a feature vector: {@code 2 * genres + 5}. */
    public int width() {
        return 2 * genres.size() + 5;
    }

    /** The genres, in the order of the indicator features. */
    public List<String> genres() {
        return genres;
    }

    /** Feature rows, row-major {@code [items.length, width]}, for the user known through {@code supportItems}. */
    public float[] rows(int[] items, int[] supportItems, float[] supportRatings) {
        int g = genres.size();
        double mu = split.globalMean();
        double userMean = 0;
        for (float r : supportRatings) {
            userMean += r;
        }
        userMean = supportRatings.length == 0 ? mu : userMean / supportRatings.length;
        double[] taste = new double[g];
        int[] tasteCount = new int[g];
        for (int i = 0; i < supportItems.length; i++) {
            for (int k : genreIndices(supportItems[i])) {
                taste[k] += supportRatings[i] - userMean;
                tasteCount[k]++;
            }
        }
        for (int k = 0; k < g; k++) {
            taste[k] = tasteCount[k] == 0 ? 0 : taste[k] / tasteCount[k];
        }
        int w = width();
        float[] out = new float[items.length * w];
        for (int i = 0; i < items.length; i++) {
            int at = i * w;
            Movie movie = split.ratings().catalog().get(items[i]);
            int[] mine = genreIndices(items[i]);
            double match = 0;
            for (int k : mine) {
                out[at + k] = 1;
                match += taste[k];
            }
            out[at + g] = movie.year() > 0 && yearSd > 0 ? (float) ((movie.year() - yearMean) / yearSd) : 0;
            int count = split.movieCount(items[i]);
            double shrunk = count == 0 ? mu : (split.movieMean(items[i]) * count + PRIOR * mu) / (count + PRIOR);
            out[at + g + 1] = (float) (shrunk - mu);
            out[at + g + 2] = (float) (Math.log1p(count) / logMaxCount);
            out[at + g + 3] = (float) (userMean - mu);
            for (int k = 0; k < g; k++) {
                out[at + g + 4 + k] = (float) taste[k];
            }
            out[at + 2 * g + 4] = mine.length == 0 ? 0 : (float) (match / mine.length);
        }
        return out;
    }

    private int[] genreIndices(int movie) {
        Movie m = split.ratings().catalog().get(movie);
        return m.genres().stream().mapToInt(name -> genreIndex.get(name)).toArray();
    }
}

package org.metalearn4j.datasets.recsys;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.metalearn4j.core.dataset.DatasetException;

/**
 * Reads the CSV that R's {@code write.csv(dslabs::movielens)} writes: a header
 * {@code "movieId","title","year","genres","userId","rating","timestamp"}, then one rating per line, strings in double
 * quotes with {@code ""} for a quote inside, {@code NA} for a missing year and genres separated by {@code |}.
 *
 * <p>A malformed rating line (wrong field count, a number that does not parse, a rating outside 0.5-5) is skipped and
 * reported with its line number ({@link Result#problems()}); a file in which more than 1% of the lines are malformed
 * is refused.
 */
public final class MovieLensCsv {
    static final List<String> HEADER = List.of("movieId", "title", "year", "genres", "userId", "rating",
            "timestamp");

    private MovieLensCsv() {
    }

    /**
     * The ratings and the lines that were skipped.
     *
     * @param ratings  the well-formed ratings
     * @param problems one message per skipped line, naming the file and line
     */
    public record Result(MovieLensRatings ratings, List<String> problems) {
        public Result {
            problems = List.copyOf(problems);
        }
    }

    /** Reads {@code file}. */
    public static Result read(Path file) {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(in, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    static Result parse(BufferedReader in, String name) throws IOException {
        String header = in.readLine();
        if (header == null || !fields(header).equals(HEADER)) {
            throw new DatasetException(name + " line 1: expected the header " + HEADER + ", got "
                    + (header == null ? "an empty file" : "'" + header + "'"));
        }
        List<Integer> users = new ArrayList<>();
        List<Integer> movies = new ArrayList<>();
        List<Float> ratings = new ArrayList<>();
        Map<Integer, Movie> catalog = new HashMap<>();
        List<String> problems = new ArrayList<>();
        String line;
        int number = 1;
        while ((line = in.readLine()) != null) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            try {
                List<String> f = fields(line);
                if (f.size() != HEADER.size()) {
                    throw new IllegalArgumentException("expected " + HEADER.size() + " fields, got " + f.size());
                }
                int movie = integer(f.get(0), "movieId");
                int user = integer(f.get(4), "userId");
                float rating = (float) Double.parseDouble(f.get(5));
                if (!(rating >= 0.5f && rating <= 5f)) {
                    throw new IllegalArgumentException("rating " + f.get(5) + " is outside 0.5-5");
                }
                int year = f.get(2).equals("NA") ? 0 : integer(f.get(2), "year");
                List<String> genres = f.get(3).equals("NA") || f.get(3).isEmpty() ? List.of()
                        : Arrays.asList(f.get(3).split("\\|"));
                catalog.putIfAbsent(movie, new Movie(movie, f.get(1), year, genres));
                users.add(user);
                movies.add(movie);
                ratings.add(rating);
            } catch (IllegalArgumentException e) {
                problems.add(name + " line " + number + ": " + e.getMessage() + "; rating skipped");
            }
        }
        int total = users.size() + problems.size();
        if (total == 0 || problems.size() * 100L > total) {
            throw new DatasetException(name + ": " + problems.size() + " of " + total + " rating lines are malformed"
                    + (problems.isEmpty() ? "" : "; first: " + problems.get(0)));
        }
        float[] r = new float[ratings.size()];
        for (int i = 0; i < r.length; i++) {
            r[i] = ratings.get(i);
        }
        return new Result(new MovieLensRatings(users.stream().mapToInt(Integer::intValue).toArray(),
                movies.stream().mapToInt(Integer::intValue).toArray(), r, catalog), problems);
    }

    private static int integer(String text, String field) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + ": expected an integer, got '" + text + "'");
        }
    }

    /** The fields of a CSV line, quotes removed and {@code ""} inside quotes read as one quote. */
    static List<String> fields(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("a quoted field is not closed");
        }
        out.add(field.toString());
        return out;
    }
}

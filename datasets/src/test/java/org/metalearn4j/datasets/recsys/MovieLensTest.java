package org.metalearn4j.datasets.recsys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.metalearn4j.core.dataset.DatasetException;
import org.metalearn4j.core.task.EpisodeSpec;
import org.metalearn4j.core.task.Task;

/** Exports the table of the Debian package r-cran-dslabs (installed by .ci/run) with Rscript, once. */
class MovieLensTest {
    private static final MovieLensProvider PROVIDER = new MovieLensProvider();
    @TempDir
    static Path cache;
    private static MovieLensDataset data;

    @BeforeAll
    static void export() {
        MovieLensConfig d = PROVIDER.defaults();
        data = (MovieLensDataset) PROVIDER.open(new MovieLensConfig("", cache.toString(), d.rscript(),
                d.trainFraction(), d.valFraction(), d.splitSeed()));
    }

    @Test
    void readsTheHandCheckedRecords() {
        MovieLensRatings r = data.split().ratings();
        assertThat(r.size()).isEqualTo(100_004);
        assertThat(Arrays.stream(r.users()).distinct().count()).isEqualTo(671);
        assertThat(r.catalog()).hasSize(9066);
        // first line: 31,"Dangerous Minds",1995,"Drama",1,2.5,1260759144
        assertThat(r.users()[0]).isEqualTo(1);
        assertThat(r.movies()[0]).isEqualTo(31);
        assertThat(r.ratings()[0]).isEqualTo(2.5f);
        assertThat(r.catalog().get(31)).isEqualTo(new Movie(31, "Dangerous Minds", 1995, java.util.List.of("Drama")));
        assertThat(r.catalog().get(1029).genres()).containsExactly("Animation", "Children", "Drama", "Musical");
        assertThat(Files.isRegularFile(cache.resolve("movielens/dslabs-movielens.csv"))).isTrue();
    }

    @Test
    void malformedLinesAreSkippedAndReportedWithTheirLineNumbers() throws IOException {
        StringBuilder csv = new StringBuilder("\"movieId\",\"title\",\"year\",\"genres\",\"userId\",\"rating\","
                + "\"timestamp\"\n");
        for (int i = 0; i < 300; i++) {
            csv.append("31,\"Dangerous \"\"Minds\"\", the film\",NA,\"Drama|Crime\",").append(i).append(",4,1\n");
        }
        csv.append("32,\"Twelve Monkeys\",1995,\"Sci-Fi\",7,9.5,1\n");
        csv.append("33,\"Broken,1995\n");
        MovieLensCsv.Result r = MovieLensCsv.parse(new BufferedReader(new StringReader(csv.toString())), "m.csv");
        assertThat(r.ratings().size()).isEqualTo(300);
        assertThat(r.ratings().catalog().get(31)).isEqualTo(new Movie(31, "Dangerous \"Minds\", the film", 0,
                java.util.List.of("Drama", "Crime")));
        assertThat(r.problems()).hasSize(2);
        assertThat(r.problems().get(0)).startsWith("m.csv line 302: rating 9.5 is outside 0.5-5");
        assertThat(r.problems().get(1)).startsWith("m.csv line 303: ");
        assertThatThrownBy(() -> MovieLensCsv.parse(new BufferedReader(new StringReader("a,b\n1,2\n")), "x.csv"))
                .isInstanceOf(DatasetException.class).hasMessageContaining("line 1: expected the header");
    }

    @Test
    void aMissingRscriptNamesTheDebianPackage(@TempDir Path empty) {
        MovieLensConfig d = PROVIDER.defaults();
        assertThatThrownBy(() -> PROVIDER.open(new MovieLensConfig("", empty.toString(), "/nonexistent/Rscript",
                d.trainFraction(), d.valFraction(), 0))).isInstanceOf(DatasetException.class)
                .hasMessageContaining("r-cran-dslabs");
        try (var files = Files.list(empty.resolve("movielens"))) {
            assertThat(files).as("nothing left behind").isEmpty();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        assertThatThrownBy(() -> PROVIDER.open(new MovieLensConfig("/nonexistent.csv", "", d.rscript(),
                d.trainFraction(), d.valFraction(), 0))).hasMessageContaining("dataset.params.csv");
    }

    @Test
    void usersOfDifferentSplitsAreDisjointAndStatisticsComeFromMetaTrainOnly() {
        ColdStartSplit split = data.split();
        Set<Integer> seen = new HashSet<>();
        int total = 0;
        for (String s : ColdStartSplit.SPLITS) {
            for (int u : split.users(s)) {
                assertThat(seen.add(u)).as("user %d in two splits", u).isTrue();
                total++;
            }
        }
        assertThat(total).isEqualTo(671);
        assertThat(split.users("meta-train")).hasSize(470);
        MovieLensRatings r = split.ratings();
        Set<Integer> train = new HashSet<>();
        Arrays.stream(split.users("meta-train")).forEach(train::add);
        double sum = 0;
        int count = 0;
        Set<Integer> trainMovies = new HashSet<>();
        for (int row = 0; row < r.size(); row++) {
            if (train.contains(r.users()[row])) {
                trainMovies.add(r.movies()[row]);
                if (r.movies()[row] == 31) {
                    sum += r.ratings()[row];
                    count++;
                }
            }
        }
        assertThat(split.movieCount(31)).isEqualTo(count);
        assertThat(split.movieMean(31)).isCloseTo(sum / count, within(1e-9));
        int testOnly = Arrays.stream(r.movies()).filter(m -> !trainMovies.contains(m)).findFirst().orElseThrow();
        assertThat(split.movieCount(testOnly)).isZero();
        assertThat(split.movieMean(testOnly)).isNaN();
        for (int seed = 0; seed < 30; seed++) {
            UserEpisode e = new UserEpisodes(split, "meta-test", 10, 10).sample(seed);
            assertThat(train).doesNotContain(e.user());
        }
    }

    @Test
    void episodesSplitAUsersRatingsAndInputsDependOnTheSupportOnly() {
        UserEpisodes episodes = new UserEpisodes(data.split(), "meta-test", 5, 10);
        UserEpisode e = episodes.sample(11);
        Set<Integer> support = new HashSet<>();
        Arrays.stream(e.supportItems()).forEach(support::add);
        assertThat(Arrays.stream(e.queryItems()).noneMatch(support::contains)).isTrue();
        Task task = data.task(e, "movielens/meta-test");
        assertThat(task.support().x().shape()).containsExactly(5, data.features().width());
        assertThat(task.query().y().shape()).containsExactly(10, 1);
        assertThat(task.query().y().getDouble(0, 0)).isCloseTo(e.queryRatings()[0] - data.split().globalMean(),
                within(1e-6));
        float[] changed = e.queryRatings().clone();
        Arrays.fill(changed, 0.5f);
        Task other = data.task(new UserEpisode(e.user(), e.supportItems(), e.supportRatings(), e.queryItems(),
                changed), "x");
        assertThat(other.query().x()).isEqualTo(task.query().x());
        assertThat(data.episodes("meta-train", new EpisodeSpec(1, 10, 10)).sample(3).support().size()).isEqualTo(10);
        int user = new UserEpisodes(data.split(), "meta-test", 20, 10).eligibleUsers()[0];
        UserEpisode larger = new UserEpisodes(data.split(), "meta-test", 20, 10).forUser(user, 5);
        UserEpisode smaller = new UserEpisodes(data.split(), "meta-test", 5, 10).forUser(user, 5);
        assertThat(larger.queryItems()).containsExactly(smaller.queryItems());
        assertThat(larger.supportItems()).startsWith(smaller.supportItems());
        assertThatThrownBy(() -> new UserEpisodes(data.split(), "meta-test", 3000, 10))
                .hasMessageContaining("no user has");
    }
}

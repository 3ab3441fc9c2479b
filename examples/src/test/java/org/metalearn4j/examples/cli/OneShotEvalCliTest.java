package org.metalearn4j.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.metalearn4j.core.config.ConfigMappers;
import org.metalearn4j.datasets.omniglot.OneShotRunsFixture;
import org.metalearn4j.datasets.omniglot.RawOmniglot;

/**
 * {@code metalearn eval} across ways, on the within-alphabet set, as an ensemble and with test-time augmentation,
 * with tiny omniglot-small runs of the shipped configs.
 */
class OneShotEvalCliTest {
    private static final ObjectMapper JSON = ConfigMappers.plain();
    private static final Path CONFIGS = Path.of("configs");

    @TempDir
    Path dir;

    private Path protonet(String name, int seed, int shift) {
        Path run = dir.resolve(name);
        CliRun train = CliRun.of("train", CONFIGS.resolve("omniglot-protonet.yaml"), "--out", run, "--no-progress",
                "--set", "seed=" + seed, "--set", "dataset.params.trainShift=" + shift,
                "--set", "learner.params.backbone.channels=4", "--set", "train.iterations=1",
                "--set", "train.way=5", "--set", "train.shot=1", "--set", "train.query=1",
                "--set", "eval.episodes=2");
        assertThat(train.code()).as(train.err()).isZero();
        return run;
    }

    @Test
    void mamlTrainedFiveWayIsScoredOnTwentyWaysTheOfficialRunsAndTheWithinAlphabetSet() throws IOException {
        Path run = dir.resolve("maml");
        CliRun train = CliRun.of("train", CONFIGS.resolve("omniglot-maml.yaml"), "--out", run, "--no-progress",
                "--set", "learner.params.backbone.channels=4", "--set", "learner.params.taskThreads=1",
                "--set", "train.iterations=1", "--set", "train.metaBatch=1", "--set", "train.query=1",
                "--set", "eval.episodes=2");
        assertThat(train.code()).as(train.err()).isZero();

        CliRun twenty = CliRun.of("eval", run, "--way", 20, "--episodes", 2);
        assertThat(twenty.code()).as(twenty.err()).isZero();
        JsonNode sampled = JSON.readTree(twenty.lastLine());
        assertThat(sampled.get("way").asInt()).isEqualTo(20);
        assertThat(sampled.get("accuracy").asDouble()).isBetween(0.0, 1.0);

        CliRun official = CliRun.of("eval", run, "--omniglot-runs",
                RawOmniglot.writeZip(dir.resolve("all_runs.zip"), OneShotRunsFixture.assemble()));
        assertThat(official.code()).as(official.err()).isZero();
        assertThat(JSON.readTree(official.lastLine()).get("items").asInt()).as("20-, 17- and 20-way runs")
                .isEqualTo(77);

        CliRun within = CliRun.of("eval", run, "--within-alphabet", "--episodes", 2);
        assertThat(within.code()).as(within.err()).isZero();
        JsonNode score = JSON.readTree(within.lastLine());
        assertThat(score.get("withinAlphabet").asBoolean()).isTrue();
        assertThat(score.get("items").asInt()).isEqualTo(40);
        assertThat(score.get("way").asInt()).isEqualTo(20);
        assertThat(score.get("split").asText()).isEqualTo("meta-test");
        assertThat(score.get("error").asDouble() + score.get("accuracy").asDouble()).isCloseTo(1.0, within(1e-12));
        assertThat(score.get("ci95").asDouble()).isPositive();
        assertThat(score.get("perEpisode").fieldNames()).toIterable()
                .containsExactly("001-Japanese_(katakana)", "002-Sanskrit");
    }

    @Test
    void severalRunsAreScoredAsAnEnsembleWithTestTimeAugmentation() throws IOException {
        Path first = protonet("a", 1, 1);
        Path second = protonet("b", 2, 1);
        CliRun r = CliRun.of("eval", first, second, "--within-alphabet", "--way", 5, "--episodes", 3, "--views", 1);
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode score = JSON.readTree(r.lastLine());
        assertThat(score.get("ensemble")).hasSize(2);
        assertThat(score.get("views").asInt()).isEqualTo(1);
        assertThat(score.get("items").asInt()).isEqualTo(15);

        CliRun sampled = CliRun.of("eval", first, second, "--episodes", 2);
        assertThat(sampled.code()).as(sampled.err()).isZero();
        assertThat(JSON.readTree(sampled.lastLine()).get("ensemble").get(1).get("checkpoint").asText())
                .startsWith(second.toString());
    }

    @Test
    void misuseIsRefusedNamingTheSetting() throws IOException {
        Path plain = protonet("plain", 1, 0);
        CliRun views = CliRun.of("eval", plain, "--views", 2, "--episodes", 1);
        assertThat(views.code()).isEqualTo(2);
        assertThat(views.err()).contains("eval.views").contains("does not augment");

        Path shifted = protonet("shifted", 1, 1);
        CliRun mixed = CliRun.of("eval", plain, shifted, "--episodes", 1);
        assertThat(mixed.code()).isEqualTo(2);
        assertThat(mixed.err()).contains("dataset").contains("must share the data set");

        Path blobs = dir.resolve("blobs");
        assertThat(CliRun.of("train", MetalearnCliTest.config(dir, 1), "--out", blobs, "--no-progress").code())
                .isZero();
        CliRun within = CliRun.of("eval", blobs, "--within-alphabet");
        assertThat(within.code()).isEqualTo(2);
        assertThat(within.err()).contains("omniglot-small").contains("'test-blobs'");
    }
}

package org.metalearn4j.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.metalearn4j.core.config.ConfigMappers;

/**
 * The model-based learners through the CLI: trained by name with {@code metalearn train}, evaluated with the query
 * log-likelihood, resumed, refused on the wrong task type before training, and run as a {@code meta-train} stage.
 */
class ModelLearnersCliTest {
    private static final ObjectMapper JSON = ConfigMappers.plain();
    private static final String SMALL_NP = "{hidden: 8, heads: 2, latentSize: 4, encoderLayers: 1, decoderLayers: 1}";

    @TempDir
    Path dir;

    private Path config(String learner, String params, String dataset, int iterations) throws IOException {
        Path f = dir.resolve(learner + ".yaml");
        Files.writeString(f, """
                seed: 5
                backend: auto
                dataset: %s
                learner: {name: %s, params: %s}
                train: {iterations: %d, metaBatch: 4, way: 1, shot: 8, query: 4, checkpointEvery: 2, evalEvery: 100}
                eval: {way: 1, shot: 8, query: 10, episodes: 12}
                """.formatted(dataset, learner, params, iterations));
        return f;
    }

    @Test
    void aNeuralProcessTrainsByNameReportsTheLogLikelihoodAndResumes() throws IOException {
        Path run = dir.resolve("run");
        String gp = "{name: gp-curves, params: {noiseStd: 0.02, minContext: 3}}";
        CliRun train = CliRun.of("train", config("anp", SMALL_NP, gp, 4), "--out", run, "--no-progress");
        assertThat(train.code()).as(train.err()).isZero();
        assertThat(JSON.readTree(train.lastLine()).get("mse").asDouble()).isPositive();
        assertThat(train.err()).contains("logLikelihood");
        JsonNode eval = Files.readAllLines(run.resolve("metrics.jsonl")).stream()
                .filter(l -> l.contains("\"event\":\"eval\"")).map(ModelLearnersCliTest::json).findFirst()
                .orElseThrow();
        assertThat(eval.get("secondary").has("logLikelihood")).isTrue();
        assertThat(eval.get("secondary").has("logLikelihood.ci95")).isTrue();

        CliRun scored = CliRun.of("eval", run, "--episodes", 7);
        assertThat(scored.code()).as(scored.err()).isZero();
        JsonNode e = JSON.readTree(scored.lastLine());
        assertThat(e.get("episodes").asInt()).isEqualTo(7);
        assertThat(e.has("logLikelihood")).isTrue();
        assertThat(e.get("logLikelihood.ci95").asDouble()).isPositive();
        CliRun ensemble = CliRun.of("eval", run, run, "--episodes", 7);
        assertThat(ensemble.code()).as(ensemble.err()).isZero();
        JsonNode both = JSON.readTree(ensemble.lastLine());
        assertThat(both.get("ensemble")).hasSize(2);
        assertThat(both.get("logLikelihood").asDouble()).as("two copies of one Gaussian: the same Gaussian")
                .isCloseTo(e.get("logLikelihood").asDouble(), within(1e-3));

        CliRun resumed = CliRun.of("train", config("anp", SMALL_NP, gp, 6), "--resume", run, "--no-progress");
        assertThat(resumed.code()).as(resumed.err()).isZero();
        assertThat(JSON.readTree(resumed.lastLine()).get("iterations").asInt()).isEqualTo(6);
    }

    @Test
    void aLearnerOfTheOtherTaskTypeIsRefusedBeforeTrainingNamingLearnerDataSetAndType() throws IOException {
        CliRun np = CliRun.of("train", config("cnp", "{}", "{name: omniglot-small}", 2), "--out", dir.resolve("a"));
        assertThat(np.code()).isEqualTo(2);
        assertThat(np.err()).contains("learner.name: learner 'cnp' learns regression tasks only, but data set"
                + " 'omniglot-small' has classification tasks");
        CliRun mann = CliRun.of("train", config("mann", "{}", "{name: sinusoid}", 2), "--out", dir.resolve("b"));
        assertThat(mann.code()).isEqualTo(2);
        assertThat(mann.err()).contains("learner 'mann' learns classification tasks only, but data set 'sinusoid'"
                + " has regression tasks");
        assertThat(dir.resolve("a").resolve("checkpoints")).doesNotExist();
    }

    @Test
    void aNeuralProcessIsAMetaTrainStageAndItsEvaluationHasTheLogLikelihood() throws IOException {
        Path pipeline = dir.resolve("p.yaml");
        Files.writeString(pipeline, """
                seed: 3
                stages:
                  - stage: meta-train
                    config: {learner: cnp, params: %s, dataset: sinusoid, split: meta-train, way: 1, shot: 5,
                             query: 5, metaBatch: 4, iterations: 3}
                  - stage: evaluate
                    config: {dataset: sinusoid, split: meta-test, way: 1, shot: 5, query: 20, episodes: 6}
                """.formatted(SMALL_NP));
        CliRun r = CliRun.of("pipeline", pipeline, "--out", dir.resolve("run"), "--no-progress");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.lastLine()).contains("logLikelihood").contains("train.mse");
    }

    private static JsonNode json(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

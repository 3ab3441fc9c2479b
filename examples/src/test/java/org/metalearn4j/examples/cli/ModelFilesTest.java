package org.metalearn4j.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipFile;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.metalearn4j.core.checkpoint.CheckpointException;
import org.metalearn4j.core.checkpoint.ChecksummedFile;
import org.metalearn4j.core.generate.GeneratorRun;
import org.metalearn4j.core.model.FewShotClassifier;
import org.metalearn4j.core.model.FewShotModel;
import org.metalearn4j.core.model.ModelFile;
import org.metalearn4j.core.pipeline.ArtifactKind;
import org.metalearn4j.core.plugin.PluginRegistry;
import org.metalearn4j.core.spi.ConfigException;
import org.metalearn4j.core.state.StateDict;
import org.metalearn4j.examples.StrokeDrawings;
import org.metalearn4j.examples.apps.medical.SiteAdaptationBenchmark;
import org.metalearn4j.examples.metric.ClassifyCharacters;

/**
 * One model file format for everything that trains: a pipeline stage's artifact, an example application's saved
 * model and the character-classification example's model are read by {@link ModelFile}, {@link FewShotModel},
 * {@code metalearn export} and (where the file records a training configuration) {@code metalearn eval}, and a run
 * directory, a checkpoint file and a pipeline stage directory are looked up in one place.
 */
class ModelFilesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROTONET = "{backbone: {type: conv4, channels: 8}}";

    @TempDir
    static Path dir;
    private static Path pipelineRun;
    private static Path trainRun;

    @BeforeAll
    static void train() throws IOException {
        Path spec = dir.resolve("p.yaml");
        Files.writeString(spec, """
                seed: 3
                stages:
                  - stage: meta-train
                    config: {learner: protonet, params: %s, dataset: omniglot-small, split: meta-train, way: 5,
                             shot: 1, query: 2, metaBatch: 1, iterations: 2}
                  - stage: evaluate
                    config: {dataset: omniglot-small, split: meta-test, way: 5, shot: 1, query: 2, episodes: 2}
                """.formatted(PROTONET));
        pipelineRun = dir.resolve("pipe");
        CliRun p = CliRun.of("pipeline", spec, "--out", pipelineRun, "--no-progress");
        assertThat(p.code()).as(p.err()).isZero();
        trainRun = dir.resolve("runs/proto");
        CliRun t = CliRun.of("train", Path.of("configs/omniglot-protonet.yaml"), "--out", trainRun, "--no-progress",
                "--set", "learner.params.backbone.channels=8", "--set", "train.iterations=2", "--set", "train.way=5",
                "--set", "train.shot=1", "--set", "train.query=2", "--set", "eval.episodes=2");
        assertThat(t.code()).as(t.err()).isZero();
    }

    /** The learners a model needs at inference, no data set. */
    private static PluginRegistry withoutDatasets(String learner) {
        return PluginRegistry.of("test", PluginRegistry.classpath().learner(learner));
    }

    private static float[] noise(int n, long seed) {
        Random r = new Random(seed);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = r.nextFloat();
        }
        return x;
    }

    /** Adapts {@code model} to two labels of random examples and predicts one of them. */
    private static void adaptsAndPredicts(FewShotModel model) {
        int n = model.description().exampleSize();
        FewShotClassifier classifier = model.adaptToArrays(Map.of("a", List.of(noise(n, 1), noise(n, 2)),
                "b", List.of(noise(n, 3), noise(n, 4))));
        assertThat(classifier.predict(noise(n, 1)).label()).isIn("a", "b");
        assertThat(classifier.predict(noise(n, 1)).probabilities().values().stream().mapToDouble(d -> d).sum())
                .isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-6));
    }

    /** Runs {@code metalearn export MODEL --format npz} and returns the JSON description it wrote. */
    private static JsonNode exported(Path model, String name) throws IOException {
        Path npz = dir.resolve("export").resolve(name + ".npz");
        CliRun r = CliRun.of("export", model, "--format", "npz", "--out", npz);
        assertThat(r.code()).as(r.err()).isZero();
        try (ZipFile zip = new ZipFile(npz.toFile())) {
            assertThat(zip.stream().map(e -> e.getName()).toList()).isNotEmpty()
                    .allMatch(e -> e.endsWith(".npy") && (e.startsWith("params.") || e.startsWith("bn.")));
        }
        return JSON.readTree(npz.resolveSibling(name + ".json").toFile());
    }

    @Test
    void aPipelineStageArtifactIsLoadedByFewShotModelExportedAsNpzAndEvaluated() throws IOException {
        Path stage = pipelineRun.resolve("0-meta-train");
        FewShotModel model = FewShotModel.load(stage, withoutDatasets("protonet"));
        assertThat(model.description().learner()).isEqualTo("protonet");
        assertThat(model.description().inputShape()).containsExactly(1, 28, 28);
        assertThat(model.description().image()).isNotNull();
        assertThat(model.provenance().details()).containsEntry("stage", "meta-train");
        adaptsAndPredicts(model);

        JsonNode description = exported(stage, "stage");
        assertThat(description.get("model").get("learner").asText()).isEqualTo("protonet");
        assertThat(description.get("source").asText()).isEqualTo(stage.resolve(ModelFile.STAGE_FILE).toString());

        CliRun eval = CliRun.of("eval", stage, "--way", "5", "--shot", "1", "--query", "2", "--episodes", "2");
        assertThat(eval.code()).as(eval.err()).isZero();
        JsonNode result = JSON.readTree(eval.lastLine());
        assertThat(result.get("accuracy").asDouble()).isBetween(0.0, 1.0);
        assertThat(result.get("checkpoint").asText()).isEqualTo(stage.resolve(ModelFile.STAGE_FILE).toString());
    }

    @Test
    void anArtifactThatHoldsNoLearnerAndAPipelineRunDirectoryAreRefusedSayingWhatIsExpected() {
        Path evaluation = pipelineRun.resolve("1-evaluate");
        assertThat(ModelFile.read(evaluation).checkpoint().kind()).isEqualTo(ArtifactKind.EVALUATION);
        assertThatThrownBy(() -> FewShotModel.load(evaluation)).isInstanceOf(CheckpointException.class)
                .hasMessageContaining(evaluation.resolve(ModelFile.STAGE_FILE).toString())
                .hasMessageContaining("holds the EVALUATION artifact of pipeline stage 'evaluate', not a learner");
        CliRun export = CliRun.of("export", evaluation, "--out", dir.resolve("evaluation.npz"));
        assertThat(export.code()).isNotZero();
        assertThat(export.err()).contains("EVALUATION artifact");

        assertThatThrownBy(() -> ModelFile.read(pipelineRun)).isInstanceOf(CheckpointException.class)
                .hasMessageContaining("no model in " + pipelineRun)
                .hasMessageContaining("name one of its stage directories (0-meta-train, 1-evaluate)");
    }

    @Test
    void aRunDirectoryACheckpointFileAndAStageDirectoryResolveInOnePlace() {
        ModelFile run = ModelFile.read(trainRun);
        assertThat(run.file().getParent()).isEqualTo(trainRun.resolve("checkpoints"));
        ModelFile file = ModelFile.read(run.file());
        assertThat(file.file()).isEqualTo(run.file());
        assertThat(file.checkpoint().iteration()).isEqualTo(run.checkpoint().iteration()).isEqualTo(2);
        assertThat(file.runConfig()).isEqualTo(run.runConfig());

        Path stage = pipelineRun.resolve("0-meta-train");
        ModelFile stageDir = ModelFile.read(stage);
        assertThat(stageDir.file()).isEqualTo(stage.resolve(ModelFile.STAGE_FILE));
        assertThat(ModelFile.read(stageDir.file()).checkpoint().configJson())
                .isEqualTo(stageDir.checkpoint().configJson());
        assertThat(stageDir.runConfig().learner().name()).isEqualTo("protonet");
        assertThat(stageDir.runConfig().dataset().name()).isEqualTo("omniglot-small");

        // The generator lookup is the same one: a stage directory and a run directory reach the learner, which is
        // then refused for not generating examples, naming the setting and the file.
        for (Path target : List.of(stage, trainRun, run.file())) {
            assertThatThrownBy(() -> GeneratorRun.load(target, PluginRegistry.classpath(), "generated.run"))
                    .isInstanceOf(ConfigException.class).hasMessageContaining("generated.run")
                    .hasMessageContaining("learner 'protonet', which does not generate examples");
        }
        CliRun fromDir = CliRun.of("eval", trainRun, "--way", "5", "--shot", "1", "--query", "2", "--episodes", "2");
        CliRun fromFile = CliRun.of("eval", run.file(), "--way", "5", "--shot", "1", "--query", "2", "--episodes",
                "2");
        assertThat(fromDir.code()).as(fromDir.err()).isZero();
        assertThat(fromFile.lastLine()).isEqualTo(fromDir.lastLine());
    }

    @Test
    void aTrainingCheckpointCanStartAPipelineInPlaceOfAStageArtifact() throws IOException {
        Path spec = dir.resolve("from-checkpoint.yaml");
        Files.writeString(spec, """
                input: %s
                stages:
                  - stage: evaluate
                    config: {dataset: omniglot-small, split: meta-test, way: 5, shot: 1, query: 2, episodes: 2}
                """.formatted(ModelFile.read(trainRun).file()));
        CliRun r = CliRun.of("pipeline", spec, "--out", dir.resolve("from-checkpoint"), "--no-progress");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(ModelFile.read(dir.resolve("from-checkpoint/0-evaluate")).checkpoint().metrics())
                .containsKey("accuracy");
    }

    @Test
    void anApplicationsSavedModelIsAModelFileThatExportAndFewShotModelRead() throws IOException {
        Path out = dir.resolve("medical");
        PrintStream stdout = System.out;
        try {
            System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            SiteAdaptationBenchmark.main(new String[] {"--splits", "1", "--shots", "5", "--iterations", "2",
                    "--meta-batch", "1", "--out", out.toString()});
        } finally {
            System.setOut(stdout);
        }
        Path saved = out.resolve("split-0").resolve("maml");
        ModelFile file = ModelFile.read(saved);
        assertThat(file.checkpoint().model().learner()).isEqualTo("maml");
        assertThat(file.checkpoint().model().dataset()).isEqualTo("breast-cancer-sites");
        FewShotModel model = FewShotModel.load(saved, withoutDatasets("maml"));
        adaptsAndPredicts(model);
        assertThat(exported(saved, "medical").get("model").get("learner").asText()).isEqualTo("maml");

        CliRun eval = CliRun.of("eval", saved);
        assertThat(eval.code()).isNotZero();
        assertThat(eval.err()).contains(file.file().toString())
                .contains("records no metalearn train configuration");
    }

    @Test
    void theCharacterExamplesSavedModelIsAModelFileThatEvalExportAndFewShotModelRead() throws IOException {
        Path examples = Files.createDirectories(dir.resolve("chars/examples"));
        Path queries = Files.createDirectories(dir.resolve("chars/queries"));
        for (int c = 0; c < 3; c++) {
            ImageIO.write(StrokeDrawings.drawing(c, 0), "png", examples.resolve("c" + c + ".png").toFile());
            ImageIO.write(StrokeDrawings.drawing(c, 1), "png", queries.resolve("q" + c + ".png").toFile());
        }
        Path saved = dir.resolve("chars/protonet.ml4j");
        String[] args = {"--examples", examples.toString(), "--queries", queries.toString(), "--seconds", "1",
                "--model", saved.toString()};
        List<String> answers = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (int run = 0; run < 2; run++) {
            ByteArrayOutputStream printed = new ByteArrayOutputStream();
            ByteArrayOutputStream noted = new ByteArrayOutputStream();
            PrintStream stdout = System.out;
            PrintStream stderr = System.err;
            try {
                System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
                System.setErr(new PrintStream(noted, true, StandardCharsets.UTF_8));
                ClassifyCharacters.main(args);
            } finally {
                System.setOut(stdout);
                System.setErr(stderr);
            }
            answers.add(printed.toString(StandardCharsets.UTF_8));
            notes.add(noted.toString(StandardCharsets.UTF_8));
        }
        // Training shows its progress in seconds of the budget as heartbeat lines (stderr is not a terminal here).
        assertThat(notes.get(0))
                .containsPattern("train \\(seconds\\) 100% 1/1 \\([0-9:]+\\) episode [0-9]+ loss [0-9.]+ acc ")
                .doesNotContain("\r");
        assertThat(notes.get(1)).contains("loaded " + saved).doesNotContain("train (seconds)");
        assertThat(answers.get(0)).contains("q0.png -> ").contains("q2.png -> ");
        assertThat(answers.get(1)).as("the second run loads the saved model").isEqualTo(answers.get(0));

        FewShotModel model = FewShotModel.load(saved, withoutDatasets("protonet"));
        assertThat(model.description().inputShape()).containsExactly(1, 28, 28);
        assertThat(model.adaptToFiles(Map.of("c0", List.of(examples.resolve("c0.png")), "c1",
                List.of(examples.resolve("c1.png")))).predict(queries.resolve("q0.png")).label()).isIn("c0", "c1");
        assertThat(exported(saved, "chars").get("model").get("learner").asText()).isEqualTo("protonet");
        CliRun eval = CliRun.of("eval", saved, "--way", "5", "--shot", "1", "--query", "2", "--episodes", "2");
        assertThat(eval.code()).as(eval.err()).isZero();
        assertThat(JSON.readTree(eval.lastLine()).get("checkpoint").asText()).isEqualTo(saved.toString());
    }

    @Test
    void filesOfTheOldFormatsAreRefusedByEvalAndExportSayingHowToRecreateThem() throws IOException {
        Path stage = Files.createDirectories(dir.resolve("old/0-meta-train"));
        Path artifact = stage.resolve(ModelFile.STAGE_FILE);
        ChecksummedFile.write(artifact, out -> {
            out.writeInt(0x4D4C4146); // "MLAF", the pipeline's artifact format before model files
            out.writeInt(3);
            new StateDict().putScalar("w", 1.0).write(out);
        });
        Path state = dir.resolve("old/protonet.state");
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(state))) {
            new StateDict().putScalar("w", 1.0).write(out);
        }
        for (Path old : List.of(stage, state)) {
            for (CliRun r : List.of(CliRun.of("eval", old), CliRun.of("export", old, "--out", dir.resolve("x.npz")))) {
                assertThat(r.code()).isEqualTo(1);
                assertThat(r.err()).contains(old.equals(stage) ? artifact.toString() : state.toString())
                        .contains("in the old format").contains("Re-create it by");
            }
        }
    }
}

package org.metalearn4j.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.metalearn4j.core.checkpoint.Checkpoint;
import org.metalearn4j.core.checkpoint.CheckpointFile;
import org.metalearn4j.core.checkpoint.CheckpointStore;
import org.metalearn4j.core.config.ConfigMappers;
import org.metalearn4j.core.dataset.Dataset;
import org.metalearn4j.core.state.StateDict;
import org.metalearn4j.core.task.EpisodeSpec;
import org.metalearn4j.core.task.Task;
import org.metalearn4j.examples.Components;
import org.metalearn4j.examples.generative.InkPng;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * A tiny neural-statistician trained by {@code metalearn train} on the shipped Omniglot, used end to end: by
 * {@code metalearn generate} (images are written, never over existing ones unless asked, every bad input is refused
 * with a message naming it) and as the {@code generated} data-set switch that adds its examples to support sets.
 */
class GeneratorCliTest {
    private static final Path CONFIGS = Path.of("configs");

    @TempDir
    static Path shared;
    static Path run;
    static Path support;

    @TempDir
    Path dir;

    /** A generator trained for two steps (K = 1..5) and three 28x28 images of one unseen character. */
    @BeforeAll
    static void trainTinyGenerator() {
        run = shared.resolve("statistician");
        CliRun train = CliRun.of("train", CONFIGS.resolve("omniglot-neural-statistician.yaml"), "--out", run,
                "--no-progress", "--set", "learner.params.backbone.hidden=[16]", "--set",
                "learner.params.contextSize=4", "--set", "learner.params.latentSize=2", "--set",
                "learner.params.hidden=[8]", "--set", "learner.params.decoderHidden=[16]", "--set",
                "train.iterations=2", "--set", "train.way=5", "--set", "train.query=1", "--set", "eval.episodes=2");
        assertThat(train.code()).as(train.err()).isZero();
        support = shared.resolve("support");
        Dataset omniglot = Components.dataset("omniglot-small", "");
        Task character = omniglot.episodes("meta-test", new EpisodeSpec(1, 3, 1)).sample(7);
        for (int i = 0; i < 3; i++) {
            InkPng.write(character.support().x().get(NDArrayIndex.point(i)).reshape(784).toFloatVector(), 28, 28,
                    support.resolve("drawing" + i + ".png"));
        }
    }

    @Test
    void writesTheRequestedImagesAndNeverReplacesThemUnlessAsked() throws IOException {
        Path out = dir.resolve("samples");
        CliRun first = CliRun.of("generate", run, "--support", support, "--count", 4, "--out", out);
        assertThat(first.code()).as(first.err()).isZero();
        JsonNode json = ConfigMappers.plain().readTree(first.lastLine());
        assertThat(json.get("written").asInt()).isEqualTo(4);
        assertThat(json.get("support").asInt()).isEqualTo(3);
        assertThat(json.get("iteration").asInt()).isEqualTo(2);
        assertThat(files(out)).extracting(p -> p.getFileName().toString())
                .containsExactly("sample-000.png", "sample-001.png", "sample-002.png", "sample-003.png");
        BufferedImage image = ImageIO.read(out.resolve("sample-000.png").toFile());
        assertThat(image.getWidth()).isEqualTo(28);
        assertThat(image.getHeight()).isEqualTo(28);
        byte[] before = Files.readAllBytes(out.resolve("sample-000.png"));

        CliRun again = CliRun.of("generate", run, "--support", support, "--count", 4, "--out", out, "--seed", 2);
        assertThat(again.code()).isEqualTo(MetalearnCli.USAGE);
        assertThat(again.err()).contains("sample-000.png and 3 more sample files already exist")
                .contains("--overwrite");
        assertThat(Files.readAllBytes(out.resolve("sample-000.png"))).isEqualTo(before);

        CliRun replaced = CliRun.of("generate", run, "--support", support, "--count", 4, "--out", out, "--seed", 2,
                "--overwrite");
        assertThat(replaced.code()).as(replaced.err()).isZero();
        assertThat(Files.readAllBytes(out.resolve("sample-000.png"))).isNotEqualTo(before);
    }

    @Test
    void anOriginalOmniglotImageIsAcceptedAndResized() throws IOException {
        Path original = dir.resolve("original");
        InkPng.write(new float[105 * 105], 105, 105, original.resolve("blank.png"));
        CliRun r = CliRun.of("generate", run, "--support", original, "--count", 2, "--out", dir.resolve("out"));
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(files(dir.resolve("out"))).hasSize(2);
    }

    @Test
    void badSupportDirectoriesAreRefusedNamingTheFile() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertRefused(empty, "holds no PNG images");

        Path garbage = Files.createDirectories(dir.resolve("garbage"));
        Files.writeString(garbage.resolve("scan.png"), "not an image");
        assertRefused(garbage, garbage.resolve("scan.png") + ": not a readable PNG image");

        Path blank = Files.createDirectories(dir.resolve("blank"));
        Files.write(blank.resolve("a.png"), new byte[0]);
        assertRefused(blank, blank.resolve("a.png") + " is empty (0 bytes)");

        Path wrongSize = dir.resolve("wrong-size");
        InkPng.write(new float[32 * 20], 20, 32, wrongSize.resolve("wide.png"));
        assertRefused(wrongSize, wrongSize.resolve("wide.png") + " is 32x20 pixels; expected 28x28");

        Path six = dir.resolve("six");
        for (int i = 0; i < 6; i++) {
            InkPng.write(new float[28 * 28], 28, 28, six.resolve(i + ".png"));
        }
        assertRefused(six, "holds 6 images, but the generator was trained to condition on 1 to 5");

        assertRefused(dir.resolve("absent"), dir.resolve("absent") + " is not a directory");
    }

    @Test
    void aCollapsedGeneratorIsReportedAndNothingIsWritten() throws IOException {
        Checkpoint trained = new CheckpointStore(run, 1).latestGood().orElseThrow().checkpoint();
        StateDict state = new StateDict().putAll("", trained.state());
        for (String name : trained.state().names()) {
            if (name.startsWith("learner.params.head.decoder.") && name.endsWith(".weight")) {
                state.put(name, Nd4j.zerosLike(trained.state().get(name)));
            }
        }
        Path collapsed = dir.resolve("collapsed.ml4j");
        CheckpointFile.write(collapsed, new Checkpoint(trained.iteration(), state, trained.configJson(),
                trained.provenance()));

        Path out = dir.resolve("never");
        CliRun r = CliRun.of("generate", collapsed, "--support", support, "--count", 5, "--out", out);
        assertThat(r.code()).isEqualTo(MetalearnCli.FAILURE);
        assertThat(r.err()).contains("has collapsed: all 5 samples are the same image").contains("nothing was written");
        assertThat(Files.exists(out) ? files(out) : List.of()).isEmpty();
    }

    @Test
    void aRunOfALearnerThatDoesNotGenerateIsRefusedNamingIt() {
        Path proto = dir.resolve("proto");
        CliRun train = CliRun.of("train", CONFIGS.resolve("omniglot-protonet.yaml"), "--out", proto, "--no-progress",
                "--set", "learner.params.backbone={type: mlp, hidden: [8]}", "--set", "train.iterations=1",
                "--set", "train.way=5", "--set", "train.shot=1", "--set", "train.query=1", "--set",
                "eval.episodes=1");
        assertThat(train.code()).as(train.err()).isZero();
        CliRun r = CliRun.of("generate", proto, "--support", support, "--count", 1, "--out", dir.resolve("o"));
        assertThat(r.code()).isEqualTo(MetalearnCli.USAGE);
        assertThat(r.err()).contains("learner 'protonet', which does not generate examples");
    }

    private void assertRefused(Path supportDir, String message) {
        CliRun r = CliRun.of("generate", run, "--support", supportDir, "--count", 2, "--out", dir.resolve("x"));
        assertThat(r.code()).as(r.err()).isEqualTo(MetalearnCli.USAGE);
        assertThat(r.err()).contains("error: --support: ").contains(message);
        assertThat(Files.exists(dir.resolve("x"))).isFalse();
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.sorted().toList();
        }
    }

    @Test
    void generatedSupportExamplesAreADataSetSwitchForAnyLearner() {
        Dataset augmented = Components.dataset("omniglot-small", "{\"generated\": {\"run\": \"" + run
                + "\", \"perClass\": 2, \"splits\": [\"meta-test\"]}}");
        Task test = augmented.episodes("meta-test", new EpisodeSpec(5, 1, 3)).sample(3);
        assertThat(test.shots()).isEqualTo(3);
        assertThat(test.support().size()).isEqualTo(15);
        assertThat(test.query().size()).isEqualTo(15);
        assertThat(augmented.episodes("meta-train", new EpisodeSpec(5, 1, 3)).sample(3).support().size())
                .isEqualTo(5);

        CliRun proto = CliRun.of("train", CONFIGS.resolve("omniglot-protonet.yaml"), "--out", dir.resolve("p"),
                "--no-progress", "--set", "learner.params.backbone={type: mlp, hidden: [8]}", "--set",
                "train.iterations=2", "--set", "train.way=5", "--set", "train.shot=1", "--set", "train.query=1",
                "--set", "eval.episodes=2", "--set", "dataset.params.generated.run=" + run, "--set",
                "dataset.params.generated.perClass=4");
        assertThat(proto.code()).as(proto.err()).isZero();
    }

    @Test
    void aGeneratedSupportSettingThatCannotWorkFailsBeforeTrainingNamingTheField() {
        CliRun noSplit = CliRun.of("train", CONFIGS.resolve("omniglot-protonet.yaml"), "--out", dir.resolve("a"),
                "--no-progress", "--set", "dataset.params.generated.run=" + run, "--set",
                "dataset.params.generated.splits=[meta-val]");
        assertThat(noSplit.code()).isEqualTo(MetalearnCli.USAGE);
        assertThat(noSplit.err()).contains("dataset.params.generated.splits: the data set has no split 'meta-val'");

        CliRun missing = CliRun.of("train", CONFIGS.resolve("omniglot-protonet.yaml"), "--out", dir.resolve("b"),
                "--no-progress", "--set", "dataset.params.generated.run=" + dir.resolve("nothing"));
        assertThat(missing.code()).isEqualTo(MetalearnCli.USAGE);
        assertThat(missing.err()).contains("dataset.params.generated.run: ").contains(dir.resolve("nothing")
                .toString());
    }
}

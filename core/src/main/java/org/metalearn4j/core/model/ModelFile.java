package org.metalearn4j.core.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.metalearn4j.core.checkpoint.Checkpoint;
import org.metalearn4j.core.checkpoint.CheckpointException;
import org.metalearn4j.core.checkpoint.CheckpointFile;
import org.metalearn4j.core.checkpoint.CheckpointStore;
import org.metalearn4j.core.config.ConfigLoader;
import org.metalearn4j.core.config.ConfigMappers;
import org.metalearn4j.core.config.EffectiveConfig;
import org.metalearn4j.core.config.RunConfig;
import org.metalearn4j.core.io.IoReason;
import org.metalearn4j.core.learner.Learner;
import org.metalearn4j.core.pipeline.ArtifactKind;
import org.metalearn4j.core.spi.ConfigException;
import org.metalearn4j.core.spi.ProviderRegistry;
import org.metalearn4j.core.train.RunComponents;
import org.metalearn4j.core.train.TrainingCheckpoint;

/**
 * A model file read from disk ({@link CheckpointFile}, the one format every trainer writes), and the one place a
 * model is looked up: a model file named directly, a pipeline stage directory (its {@value #STAGE_FILE}), or a
 * {@code metalearn train} run directory (its newest good checkpoint).
 *
 * @param file       the model file
 * @param checkpoint its verified contents
 * @param skipped    why newer checkpoints of a run directory were not used (empty when the newest was)
 */
public record ModelFile(Path file, Checkpoint checkpoint, List<String> skipped) {
    /** File name of a pipeline stage's saved artifact inside its stage directory. */
    public static final String STAGE_FILE = "artifact.bin";

    public ModelFile {
        skipped = List.copyOf(skipped);
    }

    /**
     * Reads {@code target}: a model file, a pipeline stage directory or a run directory.
     *
     * @throws CheckpointException naming the file if it is missing, corrupt, in an old format or not a model file,
     *                             or the directory if it holds none
     */
    public static ModelFile read(Path target) {
        if (!Files.isDirectory(target)) {
            return new ModelFile(target, CheckpointFile.read(target), List.of());
        }
        Path stageFile = target.resolve(STAGE_FILE);
        if (Files.exists(stageFile)) {
            return new ModelFile(stageFile, CheckpointFile.read(stageFile), List.of());
        }
        CheckpointStore.Loaded loaded = new CheckpointStore(target, 1).latestGood()
                .orElseThrow(() -> new CheckpointException(noModel(target)));
        return new ModelFile(loaded.file(), loaded.checkpoint(), loaded.skipped());
    }

    /**
     * As {@link #read}, failing with a {@link ConfigException} that names the setting which gave {@code target}.
     *
     * @param field e.g. {@code generated.run}
     */
    public static ModelFile read(Path target, String field) {
        try {
            return read(target);
        } catch (CheckpointException e) {
            throw new ConfigException(field, e.getMessage(), e);
        }
    }

    /**
     * The {@code metalearn train} configuration the model was trained with, from which its data set and learner are
     * reopened ({@code metalearn eval}); pipeline meta-train stages record one too.
     *
     * @throws CheckpointException naming the file when it records none (a model saved by an example application or
     *                             a stage that holds no learner)
     */
    public RunConfig runConfig() {
        requireLearner("a training configuration");
        return trainingConfig().orElseThrow(() -> new CheckpointException("model file " + file + " records no"
                + " metalearn train configuration (it was saved by another trainer, e.g. an example application,"
                + " whose settings are "
                + abbreviated(ConfigMappers.readJson(checkpoint.configJson(), file.toString())) + "), so its data set"
                + " cannot be reopened; metalearn export and FewShotModel.load read it without one"));
    }

    /**
     * The {@code metalearn train} configuration the model was trained with, or empty where the file records the
     * settings of another trainer instead.
     *
     * @throws ConfigException naming the file when it records a training configuration this build cannot bind
     */
    public Optional<RunConfig> trainingConfig() {
        JsonNode json = ConfigMappers.readJson(checkpoint.configJson(), file.toString());
        if (checkpoint.kind() != ArtifactKind.LEARNER || !json.path("learner").isObject()
                || !json.path("dataset").isObject()) {
            return Optional.empty();
        }
        return Optional.of(ConfigLoader.fromJson(checkpoint.configJson(), file.toString()));
    }

    /** The model's learner with the file's weights loaded, and its description. */
    public record Loaded(Learner learner, ModelDescription description) {
    }

    /**
     * Rebuilds the learner from the file's {@link ModelDescription} with {@code registry}'s providers; a checkpoint
     * written before descriptions were recorded is rebuilt from its configuration, which reopens its data set.
     *
     * @throws CheckpointException naming the file when it holds no learner (a pipeline artifact of another kind)
     */
    public Loaded load(ProviderRegistry registry) {
        requireLearner("a learner");
        String name = file.toString();
        ModelDescription description = checkpoint.model();
        Learner learner;
        if (description == null) {
            RunConfig config = EffectiveConfig.of(runConfig(), registry, name);
            RunComponents run = RunComponents.open(config, registry, name);
            description = ModelDescription.of(config, run.dataset(), run.training(), registry);
            learner = run.learner();
        } else {
            learner = RunComponents.createLearner(registry.learner(description.learner()),
                    description.learnerParams(), description.context(registry), name);
        }
        TrainingCheckpoint.load(learner, TrainingCheckpoint.learnerState(checkpoint, name), name);
        return new Loaded(learner, description);
    }

    private void requireLearner(String needed) {
        if (checkpoint.kind() != ArtifactKind.LEARNER) {
            String stage = checkpoint.provenance().details().getOrDefault("stage", "?");
            throw new CheckpointException("model file " + file + " holds the " + checkpoint.kind() + " artifact of"
                    + " pipeline stage '" + stage + "', not " + needed + "; expected a training run's checkpoint, a"
                    + " meta-train stage's artifact or an application's saved model");
        }
    }

    private static String abbreviated(JsonNode json) {
        String s = json.toString();
        return s.length() <= 120 ? s : s.substring(0, 117) + "...";
    }

    /** Why {@code dir} holds no model, naming what it expected and, for a pipeline run, its stage directories. */
    private static String noModel(Path dir) {
        String stages;
        try (Stream<Path> children = Files.list(dir)) {
            stages = children.filter(c -> Files.isRegularFile(c.resolve(STAGE_FILE))).sorted()
                    .map(c -> c.getFileName().toString()).reduce((a, b) -> a + ", " + b).orElse("");
        } catch (IOException e) {
            throw new UncheckedIOException(IoReason.describe("cannot list", dir, e), e);
        }
        String why = "no model in " + dir + ": expected a run directory with checkpoints in "
                + dir.resolve(CheckpointStore.DIRECTORY) + " (metalearn train --out DIR), a pipeline stage directory"
                + " holding " + STAGE_FILE + ", or a model file";
        return stages.isEmpty() ? why : why + "; it is a pipeline run: name one of its stage directories ("
                + stages + ")";
    }
}

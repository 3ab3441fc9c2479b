package org.metalearn4j.core.model;

import java.nio.file.Files;
import java.nio.file.Path;
import org.metalearn4j.core.checkpoint.Checkpoint;
import org.metalearn4j.core.checkpoint.CheckpointException;
import org.metalearn4j.core.checkpoint.CheckpointFile;
import org.metalearn4j.core.checkpoint.CheckpointStore;
import org.metalearn4j.core.config.ConfigLoader;
import org.metalearn4j.core.config.EffectiveConfig;
import org.metalearn4j.core.config.RunConfig;
import org.metalearn4j.core.learner.Learner;
import org.metalearn4j.core.spi.ProviderRegistry;
import org.metalearn4j.core.train.RunComponents;
import org.metalearn4j.core.train.TrainingCheckpoint;

/**
 * A model file read from disk: a training checkpoint, named directly or as the newest good one of a run directory.
 *
 * @param file       the checkpoint file
 * @param checkpoint its verified contents
 */
public record ModelFile(Path file, Checkpoint checkpoint) {

    /**
     * Reads {@code fileOrRunDir}.
     *
     * @throws CheckpointException naming the file if it is missing, corrupt or not a checkpoint, or the directory if
     *                             it holds none
     */
    public static ModelFile read(Path fileOrRunDir) {
        Path file = Files.isDirectory(fileOrRunDir) ? new CheckpointStore(fileOrRunDir, 1).latestGood()
                .orElseThrow(() -> new CheckpointException("no model in " + fileOrRunDir + ": it holds no checkpoint"
                        + " in " + fileOrRunDir.resolve(CheckpointStore.DIRECTORY)))
                .file() : fileOrRunDir;
        return new ModelFile(file, CheckpointFile.read(file));
    }

    /** The model's learner with the file's weights loaded, and its description. */
    public record Loaded(Learner learner, ModelDescription description) {
    }

    /**
     * Rebuilds the learner from the file's {@link ModelDescription} with {@code registry}'s providers; a checkpoint
     * written before descriptions were recorded is rebuilt from its configuration, which reopens its data set.
     */
    public Loaded load(ProviderRegistry registry) {
        String name = file.toString();
        ModelDescription description = checkpoint.model();
        Learner learner;
        if (description == null) {
            RunConfig config = EffectiveConfig.of(ConfigLoader.fromJson(checkpoint.configJson(), name), registry,
                    name);
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
}

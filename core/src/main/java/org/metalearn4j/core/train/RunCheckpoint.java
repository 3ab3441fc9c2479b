package org.metalearn4j.core.train;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.metalearn4j.core.checkpoint.Checkpoint;
import org.metalearn4j.core.checkpoint.CheckpointException;
import org.metalearn4j.core.checkpoint.CheckpointFile;
import org.metalearn4j.core.checkpoint.CheckpointStore;
import org.metalearn4j.core.config.ConfigLoader;
import org.metalearn4j.core.config.RunConfig;
import org.metalearn4j.core.learner.Learner;
import org.metalearn4j.core.spi.ConfigException;
import org.metalearn4j.core.spi.ProviderRegistry;

/**
 * A trained learner on disk: the newest good checkpoint of a {@code metalearn train} run directory, or one checkpoint
 * file, with the configuration it was trained with, from which the learner is rebuilt.
 *
 * @param file       the checkpoint file
 * @param checkpoint its contents
 * @param config     the run's configuration
 * @param skipped    why newer checkpoints of the run were not used (empty when the newest was)
 */
public record RunCheckpoint(Path file, Checkpoint checkpoint, RunConfig config, List<String> skipped) {
    public RunCheckpoint {
        skipped = List.copyOf(skipped);
    }

    /**
     * The newest good checkpoint of run directory {@code target}, or the checkpoint file {@code target}.
     *
     * @param field names the setting that gave {@code target} in error messages, e.g. {@code generated.run}
     * @throws ConfigException naming {@code field} when {@code target} holds no readable checkpoint
     */
    public static RunCheckpoint locate(Path target, String field) {
        try {
            if (Files.isDirectory(target)) {
                CheckpointStore.Loaded loaded = new CheckpointStore(target, 1).latestGood().orElseThrow(
                        () -> new CheckpointException("no checkpoint in " + target.resolve(CheckpointStore.DIRECTORY)
                                + "; expected the directory of a training run (metalearn train --out DIR)"));
                return new RunCheckpoint(loaded.file(), loaded.checkpoint(), config(loaded.file(),
                        loaded.checkpoint()), loaded.skipped());
            }
            Checkpoint checkpoint = CheckpointFile.read(target);
            return new RunCheckpoint(target, checkpoint, config(target, checkpoint), List.of());
        } catch (CheckpointException e) {
            throw new ConfigException(field, e.getMessage(), e);
        }
    }

    /** The run's learner, built with the providers of {@code registry}, holding this checkpoint's state. */
    public Learner learner(ProviderRegistry registry) {
        Learner learner = RunComponents.open(config, registry, file.toString()).learner();
        TrainingCheckpoint.load(learner, TrainingCheckpoint.learnerState(checkpoint, file.toString()), file.toString());
        return learner;
    }

    private static RunConfig config(Path file, Checkpoint checkpoint) {
        return ConfigLoader.fromJson(checkpoint.configJson(), file.toString());
    }
}

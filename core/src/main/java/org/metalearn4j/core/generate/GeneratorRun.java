package org.metalearn4j.core.generate;

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
import org.metalearn4j.core.train.RunComponents;
import org.metalearn4j.core.train.TrainingCheckpoint;

/**
 * A trained generator, read from a {@code metalearn train} run of a {@link GenerativeLearner}: the run directory's
 * newest good checkpoint (or one checkpoint file) names its configuration, which rebuilds the learner with the
 * providers of a registry; the checkpoint's state is then loaded into it.
 *
 * @param generator  the generator, a snapshot of the checkpoint's parameters
 * @param checkpoint the checkpoint file it came from
 * @param iteration  the training iteration of that checkpoint
 * @param learner    the learner name in the run's configuration
 * @param skipped    why newer checkpoints of the run were not used (empty when the newest was)
 */
public record GeneratorRun(ExampleGenerator generator, Path checkpoint, int iteration, String learner,
                           List<String> skipped) {
    public GeneratorRun {
        skipped = List.copyOf(skipped);
    }

    /**
     * Loads the generator of a run directory or checkpoint file.
     *
     * @param field names the setting that gave {@code target} in error messages, e.g. {@code generated.run}
     * @throws ConfigException naming {@code field} when {@code target} holds no readable checkpoint or its learner
     *                         does not generate examples
     */
    public static GeneratorRun load(Path target, ProviderRegistry registry, String field) {
        Path file;
        Checkpoint checkpoint;
        List<String> skipped = List.of();
        try {
            if (Files.isDirectory(target)) {
                CheckpointStore.Loaded loaded = new CheckpointStore(target, 1).latestGood().orElseThrow(
                        () -> new CheckpointException("no checkpoint in " + target.resolve(CheckpointStore.DIRECTORY)
                                + "; expected the run directory of a trained generator (metalearn train --out DIR)"));
                file = loaded.file();
                checkpoint = loaded.checkpoint();
                skipped = loaded.skipped();
            } else {
                file = target;
                checkpoint = CheckpointFile.read(target);
            }
        } catch (CheckpointException e) {
            throw new ConfigException(field, e.getMessage(), e);
        }
        RunConfig run = ConfigLoader.fromJson(checkpoint.configJson(), file.toString());
        Learner learner = RunComponents.open(run, registry, file.toString()).learner();
        if (!(learner instanceof GenerativeLearner generative)) {
            throw new ConfigException(field, file + " was written by learner '" + run.learner().name()
                    + "', which does not generate examples; expected the run of a generative learner such as"
                    + " neural-statistician");
        }
        generative.load(TrainingCheckpoint.learnerState(checkpoint));
        return new GeneratorRun(generative.generator(), file, checkpoint.iteration(), run.learner().name(), skipped);
    }
}

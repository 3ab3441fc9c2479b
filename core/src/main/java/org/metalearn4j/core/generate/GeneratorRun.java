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
 * @param generator the generator, a snapshot of the checkpoint's parameters
 * @param source    the checkpoint it came from
 */
public record GeneratorRun(ExampleGenerator generator, Source source) {

    /**
     * A checkpoint of a run and the configuration it was trained with.
     *
     * @param file       the checkpoint file
     * @param checkpoint its contents
     * @param config     the run's configuration
     * @param skipped    why newer checkpoints of the run were not used (empty when the newest was)
     */
    public record Source(Path file, Checkpoint checkpoint, RunConfig config, List<String> skipped) {
        public Source {
            skipped = List.copyOf(skipped);
        }
    }

    /**
     * The newest good checkpoint of a run directory, or the checkpoint file {@code target}, with its configuration.
     *
     * @param field names the setting that gave {@code target} in error messages, e.g. {@code generated.run}
     * @throws ConfigException naming {@code field} when {@code target} holds no readable checkpoint
     */
    public static Source locate(Path target, String field) {
        try {
            if (Files.isDirectory(target)) {
                CheckpointStore.Loaded loaded = new CheckpointStore(target, 1).latestGood().orElseThrow(
                        () -> new CheckpointException("no checkpoint in " + target.resolve(CheckpointStore.DIRECTORY)
                                + "; expected the run directory of a trained generator (metalearn train --out DIR)"));
                return new Source(loaded.file(), loaded.checkpoint(), config(loaded.file(), loaded.checkpoint()),
                        loaded.skipped());
            }
            Checkpoint checkpoint = CheckpointFile.read(target);
            return new Source(target, checkpoint, config(target, checkpoint), List.of());
        } catch (CheckpointException e) {
            throw new ConfigException(field, e.getMessage(), e);
        }
    }

    /**
     * The generator of {@code source}'s run, built with the providers of {@code registry}.
     *
     * @throws ConfigException naming {@code field} when the run's learner does not generate examples
     */
    public static GeneratorRun load(Source source, ProviderRegistry registry, String field) {
        RunConfig run = source.config();
        Learner learner = RunComponents.open(run, registry, source.file().toString()).learner();
        if (!(learner instanceof GenerativeLearner generative)) {
            throw new ConfigException(field, source.file() + " was written by learner '" + run.learner().name()
                    + "', which does not generate examples; expected the run of a generative learner such as"
                    + " neural-statistician");
        }
        generative.load(TrainingCheckpoint.learnerState(source.checkpoint()));
        return new GeneratorRun(generative.generator(), source);
    }

    /** {@link #load(Source, ProviderRegistry, String)} of {@link #locate(Path, String)}. */
    public static GeneratorRun load(Path target, ProviderRegistry registry, String field) {
        return load(locate(target, field), registry, field);
    }

    private static RunConfig config(Path file, Checkpoint checkpoint) {
        return ConfigLoader.fromJson(checkpoint.configJson(), file.toString());
    }
}

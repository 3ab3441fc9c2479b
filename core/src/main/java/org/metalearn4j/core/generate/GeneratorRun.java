package org.metalearn4j.core.generate;

import java.nio.file.Path;
import org.metalearn4j.core.learner.Learner;
import org.metalearn4j.core.spi.ConfigException;
import org.metalearn4j.core.spi.ProviderRegistry;
import org.metalearn4j.core.train.RunCheckpoint;

/**
 * A trained generator, read from a {@code metalearn train} run of a {@link GenerativeLearner} (its newest good
 * checkpoint, or one checkpoint file), with the providers of a registry.
 *
 * @param generator the generator, a snapshot of the checkpoint's parameters
 * @param source    the checkpoint it came from
 */
public record GeneratorRun(ExampleGenerator generator, RunCheckpoint source) {

    /**
     * The generator of {@code source}'s run.
     *
     * @param field names the setting that gave the run in error messages, e.g. {@code generated.run}
     * @throws ConfigException naming {@code field} when the run's learner does not generate examples
     */
    public static GeneratorRun load(RunCheckpoint source, ProviderRegistry registry, String field) {
        Learner learner = source.learner(registry);
        if (!(learner instanceof GenerativeLearner generative)) {
            throw new ConfigException(field, source.file() + " was written by learner '"
                    + source.config().learner().name() + "', which does not generate examples; expected the run of a"
                    + " generative learner such as neural-statistician");
        }
        return new GeneratorRun(generative.generator(), source);
    }

    /** The generator of the run directory or checkpoint file {@code target}. */
    public static GeneratorRun load(Path target, ProviderRegistry registry, String field) {
        return load(RunCheckpoint.locate(target, field), registry, field);
    }
}

package org.metalearn4j.core.generate;

import java.nio.file.Path;
import org.metalearn4j.core.checkpoint.CheckpointException;
import org.metalearn4j.core.model.ModelFile;
import org.metalearn4j.core.spi.ConfigException;
import org.metalearn4j.core.spi.ProviderRegistry;

/**
 * A trained generator, read from a model file of a {@link GenerativeLearner} (a {@code metalearn train} run's newest
 * good checkpoint, one checkpoint file, or a meta-train stage's artifact) with the providers of a registry.
 *
 * @param generator the generator, a snapshot of the model's parameters
 * @param source    the model file it came from
 */
public record GeneratorRun(ExampleGenerator generator, ModelFile source) {

    /**
     * The generator of {@code source}.
     *
     * @param field names the setting that gave the run in error messages, e.g. {@code generated.run}
     * @throws ConfigException naming {@code field} when the model's learner does not generate examples
     */
    public static GeneratorRun load(ModelFile source, ProviderRegistry registry, String field) {
        ModelFile.Loaded loaded;
        try {
            loaded = source.load(registry);
        } catch (CheckpointException e) {
            throw new ConfigException(field, e.getMessage(), e);
        }
        if (!(loaded.learner() instanceof GenerativeLearner generative)) {
            throw new ConfigException(field, source.file() + " was written by learner '"
                    + loaded.description().learner() + "', which does not generate examples; expected the run of a"
                    + " generative learner such as neural-statistician");
        }
        return new GeneratorRun(generative.generator(), source);
    }

    /** The generator of the run directory, stage directory or model file {@code target}. */
    public static GeneratorRun load(Path target, ProviderRegistry registry, String field) {
        return load(ModelFile.read(target, field), registry, field);
    }
}

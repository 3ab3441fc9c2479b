package org.metalearn4j.core.generate;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.metalearn4j.core.config.Checks;
import org.metalearn4j.core.spi.ConfigException;
import org.metalearn4j.core.spi.ProviderRegistry;
import org.metalearn4j.core.task.TaskSource;

/**
 * The data-set parameter that switches generated support examples on ({@link GeneratedSupport}): written under a
 * data set's {@code generated:} key, e.g. {@code generated: {run: runs/statistician, perClass: 5}}; off while
 * {@code run} is null.
 *
 * @param run      run directory or checkpoint file of a trained generator, or null for none
 * @param perClass generated examples added to each class of a support set
 * @param splits   the splits whose episodes get them; empty for every split
 */
public record GeneratedSupportConfig(
        @JsonPropertyDescription("run directory (its newest good checkpoint) or checkpoint file of a trained generator"
                + " (a generative learner such as neural-statistician); null leaves support sets as they are")
        String run,
        @JsonPropertyDescription("generated examples added to each class of every support set") int perClass,
        @JsonPropertyDescription("splits whose episodes get generated examples, e.g. [meta-train]; empty for every"
                + " split") List<String> splits) {
    /** The data-set parameter this record is written under, which error messages name. */
    public static final String KEY = "generated";

    public GeneratedSupportConfig {
        if (run != null && run.isBlank()) {
            run = null;
        }
        Checks.atLeast("perClass", perClass, 1);
        splits = splits == null ? List.of() : List.copyOf(splits);
    }

    /** Off, with 5 examples per class and every split once a run is named. */
    public static GeneratedSupportConfig off() {
        return new GeneratedSupportConfig(null, 5, List.of());
    }

    /** Whether a generator is named. */
    public boolean enabled() {
        return run != null;
    }

    /**
     * The split-to-transform map of a data set with {@code datasetSplits} and examples of {@code inputShape}, each
     * transform applied after {@code others}' transform of the same split; {@code others} unchanged when off. The
     * generator is loaded once, with the providers of {@code registry}.
     *
     * @throws ConfigException naming {@code generated.run} or {@code generated.splits} when the generator cannot be
     *                         used here
     */
    public Map<String, UnaryOperator<TaskSource>> addTo(Map<String, UnaryOperator<TaskSource>> others,
                                                        List<String> datasetSplits, long[] inputShape,
                                                        ProviderRegistry registry) {
        if (!enabled()) {
            return others;
        }
        for (String split : splits) {
            if (!datasetSplits.contains(split)) {
                throw new ConfigException(KEY + ".splits", "the data set has no split '" + split + "'; available: "
                        + datasetSplits);
            }
        }
        ExampleGenerator generator = GeneratorRun.load(Path.of(run), registry, KEY + ".run").generator();
        if (!Arrays.equals(generator.exampleShape(), inputShape)) {
            throw new ConfigException(KEY + ".run", run + " generates examples of shape "
                    + Arrays.toString(generator.exampleShape()) + ", this data set's are " + Arrays.toString(inputShape)
                    + " (same image size needed)");
        }
        Map<String, UnaryOperator<TaskSource>> out = new LinkedHashMap<>(others);
        for (String split : splits.isEmpty() ? datasetSplits : splits) {
            UnaryOperator<TaskSource> before = others.getOrDefault(split, UnaryOperator.identity());
            out.put(split, episodes -> new GeneratedSupport(before.apply(episodes), generator, perClass));
        }
        return out;
    }
}

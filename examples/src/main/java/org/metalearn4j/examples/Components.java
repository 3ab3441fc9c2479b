package org.metalearn4j.examples;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import org.metalearn4j.core.config.ConfigBinder;
import org.metalearn4j.core.config.ConfigMappers;
import org.metalearn4j.core.dataset.Dataset;
import org.metalearn4j.core.dataset.DatasetProvider;
import org.metalearn4j.core.learner.Learner;
import org.metalearn4j.core.learner.LearnerContext;
import org.metalearn4j.core.learner.LearnerProvider;
import org.metalearn4j.core.plugin.PluginRegistry;
import org.metalearn4j.core.task.TaskSource;

/**
 * Finds data sets and learners by name among the providers on the class path and binds their parameters from JSON
 * over the providers' defaults, the same way {@code metalearn train} does: for the benchmark and example mains.
 */
public final class Components {
    private Components() {
    }

    /**
     * Opens data set {@code name} with {@code paramsJson} bound over its defaults, e.g. {@code {"trainShift":2}};
     * empty for the defaults.
     */
    public static Dataset dataset(String name, String paramsJson) {
        return open(PluginRegistry.classpath().dataset(name), json(paramsJson, "data set"));
    }

    /**
     * Creates learner {@code name} with {@code paramsJson} bound over its defaults, e.g. {@code {"innerLr":0.4}};
     * empty for the defaults.
     */
    public static Learner learner(String name, String paramsJson, LearnerContext context) {
        return create(PluginRegistry.classpath().learner(name), json(paramsJson, "learner"), context);
    }

    /** The context {@code metalearn train} builds for learning {@code ways}-way tasks of {@code training}. */
    public static LearnerContext context(Dataset dataset, TaskSource training, int ways, long seed) {
        return LearnerContext.forDataset(dataset, training, ways, seed, Optional.empty(), PluginRegistry.classpath());
    }

    private static <C extends Record> Dataset open(DatasetProvider<C> provider, JsonNode params) {
        return provider.open(ConfigBinder.bindParams(provider, params, "dataset.params", "command line"));
    }

    private static <C extends Record> Learner create(LearnerProvider<C> provider, JsonNode params,
                                                     LearnerContext context) {
        return provider.create(ConfigBinder.bindParams(provider, params, "learner.params", "command line"), context);
    }

    private static JsonNode json(String text, String what) {
        try {
            return text.isEmpty() ? null : ConfigMappers.json().readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(what + " parameters are not valid JSON: " + text, e);
        }
    }
}

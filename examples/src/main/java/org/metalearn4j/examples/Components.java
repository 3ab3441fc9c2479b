package org.metalearn4j.examples;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import org.metalearn4j.core.config.ConfigMappers;
import org.metalearn4j.core.dataset.Dataset;
import org.metalearn4j.core.learner.Learner;
import org.metalearn4j.core.learner.LearnerContext;
import org.metalearn4j.core.plugin.PluginRegistry;
import org.metalearn4j.core.task.TaskSource;
import org.metalearn4j.core.train.RunComponents;

/**
 * Finds data sets and learners by name among the providers on the class path and binds their parameters from JSON
 * over the providers' defaults exactly as {@code metalearn train} does ({@link RunComponents#openDataset},
 * {@link RunComponents#createLearner}): for the benchmark and example mains.
 */
public final class Components {
    private static final String SOURCE = "command line";

    private Components() {
    }

    /**
     * Opens data set {@code name} with {@code paramsJson} bound over its defaults, e.g. {@code {"trainShift":2}};
     * empty for the defaults.
     */
    public static Dataset dataset(String name, String paramsJson) {
        return RunComponents.openDataset(PluginRegistry.classpath().dataset(name), json(paramsJson, "data set"),
                SOURCE);
    }

    /**
     * Creates learner {@code name} with {@code paramsJson} bound over its defaults, e.g. {@code {"innerLr":0.4}};
     * empty for the defaults.
     */
    public static Learner learner(String name, String paramsJson, LearnerContext context) {
        return RunComponents.createLearner(PluginRegistry.classpath().learner(name), json(paramsJson, "learner"),
                context, SOURCE);
    }

    /** The context {@code metalearn train} builds for learning {@code ways}-way tasks of {@code training}. */
    public static LearnerContext context(Dataset dataset, TaskSource training, int ways, long seed) {
        return LearnerContext.forDataset(dataset, training, ways, seed, Optional.empty(), PluginRegistry.classpath());
    }

    private static JsonNode json(String text, String what) {
        return text.isEmpty() ? null : ConfigMappers.readJson(text, "the " + what + " parameters on the " + SOURCE);
    }
}

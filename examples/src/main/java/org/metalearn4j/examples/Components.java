package org.metalearn4j.examples;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.ServiceLoader;
import org.metalearn4j.core.config.ConfigMappers;
import org.metalearn4j.core.dataset.Dataset;
import org.metalearn4j.core.dataset.DatasetProvider;
import org.metalearn4j.core.learner.Learner;
import org.metalearn4j.core.learner.LearnerContext;
import org.metalearn4j.core.learner.LearnerProvider;
import org.metalearn4j.core.train.RunComponents;

/**
 * Finds data sets and learners by name through {@link ServiceLoader} and binds their parameters from JSON over the
 * providers' defaults exactly as {@code metalearn train} does ({@link RunComponents#openDataset},
 * {@link RunComponents#createLearner}).
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
        for (DatasetProvider<?> p : ServiceLoader.load(DatasetProvider.class)) {
            if (p.name().equals(name)) {
                return RunComponents.openDataset(p, json(paramsJson, "data set"), SOURCE);
            }
        }
        throw new IllegalArgumentException("no data set provider named '" + name + "' on the class path");
    }

    /**
     * Creates learner {@code name} with {@code paramsJson} bound over its defaults, e.g. {@code {"innerLr":0.4}};
     * empty for the defaults.
     */
    public static Learner learner(String name, String paramsJson, LearnerContext context) {
        for (LearnerProvider<?> p : ServiceLoader.load(LearnerProvider.class)) {
            if (p.name().equals(name)) {
                return RunComponents.createLearner(p, json(paramsJson, "learner"), context, SOURCE);
            }
        }
        throw new IllegalArgumentException("no learner provider named '" + name + "' on the class path");
    }

    /** The context {@code metalearn train} builds for a data set. */
    public static LearnerContext context(Dataset dataset, int ways, long seed) {
        return new LearnerContext(dataset.inputShape(), dataset.type(), ways, ways, seed, Optional.empty());
    }

    private static JsonNode json(String text, String what) {
        return text.isEmpty() ? null : ConfigMappers.readJson(text, "the " + what + " parameters on the " + SOURCE);
    }
}

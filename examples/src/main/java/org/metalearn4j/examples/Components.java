package org.metalearn4j.examples;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.ServiceLoader;
import org.metalearn4j.core.config.ConfigBinder;
import org.metalearn4j.core.config.ConfigMappers;
import org.metalearn4j.core.dataset.Dataset;
import org.metalearn4j.core.dataset.DatasetProvider;
import org.metalearn4j.core.learner.Learner;
import org.metalearn4j.core.learner.LearnerContext;
import org.metalearn4j.core.learner.LearnerProvider;

/**
 * Finds data sets and learners by name through {@link ServiceLoader} and binds their parameters from JSON over the
 * providers' defaults, the same way {@code metalearn train} does.
 */
public final class Components {
    private Components() {
    }

    /**
     * Opens data set {@code name} with {@code paramsJson} bound over its defaults, e.g. {@code {"trainShift":2}};
     * empty for the defaults.
     */
    public static Dataset dataset(String name, String paramsJson) {
        for (DatasetProvider<?> p : ServiceLoader.load(DatasetProvider.class)) {
            if (p.name().equals(name)) {
                return open(p, json(paramsJson, "data set"));
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
                return create(p, json(paramsJson, "learner"), context);
            }
        }
        throw new IllegalArgumentException("no learner provider named '" + name + "' on the class path");
    }

    /** The context {@code metalearn train} builds for a data set. */
    public static LearnerContext context(Dataset dataset, int ways, long seed) {
        return new LearnerContext(dataset.inputShape(), dataset.type(), ways, ways, seed, Optional.empty());
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

package org.metalearn4j.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.function.Function;
import org.metalearn4j.core.dataset.DatasetProvider;
import org.metalearn4j.core.learner.LearnerProvider;
import org.metalearn4j.core.nn.BackboneSpec;
import org.metalearn4j.core.spi.ConfigException;
import org.metalearn4j.core.spi.Provider;
import org.metalearn4j.core.spi.ProviderRegistry;

/**
 * A run configuration as it will actually run: {@code dataset.params} and {@code learner.params} hold every value the
 * named providers bind, their defaults included, instead of only the keys the file gave, and every {@code backbone}
 * among them its provider's parameters too ({@link BackboneSpec#complete}). This is what a run directory's
 * {@code config.json}, its checkpoints and {@code metalearn config} record, and what a resume is compared against, so
 * a later change of a provider's defaults cannot pass unnoticed.
 */
public final class EffectiveConfig {
    private EffectiveConfig() {
    }

    /**
     * {@code config} with both components' params bound and written out in full.
     *
     * @param source the config file name for messages, or null
     * @throws ConfigException naming the field if a provider name or a parameter is wrong
     */
    public static RunConfig of(RunConfig config, ProviderRegistry registry, String source) {
        return new RunConfig(config.seed(), config.backend(), config.pluginsDir(),
                full(config.dataset(), dataset(config, registry, source), "dataset.params", source, registry),
                full(config.learner(), learner(config, registry, source), "learner.params", source, registry),
                config.train(), config.eval(), config.cluster());
    }

    /** The data set provider {@code config} names; an unknown name fails at {@code dataset.name}. */
    public static DatasetProvider<?> dataset(RunConfig config, ProviderRegistry registry, String source) {
        return lookup(registry::dataset, config.dataset().name(), "dataset.name", source);
    }

    /** The learner provider {@code config} names; an unknown name fails at {@code learner.name}. */
    public static LearnerProvider<?> learner(RunConfig config, ProviderRegistry registry, String source) {
        return lookup(registry::learner, config.learner().name(), "learner.name", source);
    }

    private static ComponentConfig full(ComponentConfig component, Provider<?> provider, String path, String source,
                                        ProviderRegistry registry) {
        JsonNode bound = ConfigBinder.toTree(ConfigBinder.bindParams(provider, component.params(), path, source));
        completeBackbones(bound, registry);
        return new ComponentConfig(component.name(), bound);
    }

    /**
     * Writes out, in place, the provider parameters of every {@code backbone} mapping in {@code tree}: without them a
     * recorded {@code {type: conv4, channels: 64}} would be merged over whatever the learner's default backbone is
     * when the run is loaded again, and silently build another network with the same weight shapes.
     */
    private static void completeBackbones(JsonNode tree, ProviderRegistry registry) {
        if (!tree.isObject()) {
            return;
        }
        ObjectNode node = (ObjectNode) tree;
        // the keys are listed first because set() below replaces values while they are walked
        for (String key : node.properties().stream().map(Map.Entry::getKey).toList()) {
            JsonNode value = node.get(key);
            if (key.equals(BackboneSpec.KEY) && value.isObject()) {
                node.set(key, BackboneSpec.fromJson(value).complete(registry).toJson());
            } else {
                completeBackbones(value, registry);
            }
        }
    }

    private static <P> P lookup(Function<String, P> find, String name, String path, String source) {
        try {
            return find.apply(name);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(path, e.getMessage() + ConfigBinder.in(source), e);
        }
    }
}

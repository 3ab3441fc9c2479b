package org.metalearn4j.examples;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.metalearn4j.core.config.ComponentConfig;
import org.metalearn4j.core.config.ConfigBinder;
import org.metalearn4j.core.spi.ConfigException;
import org.metalearn4j.core.spi.ProviderRegistry;
import org.metalearn4j.datasets.omniglot.OmniglotRun;
import org.metalearn4j.datasets.omniglot.OmniglotSmallConfig;
import org.metalearn4j.datasets.omniglot.OmniglotSmallProvider;
import org.metalearn4j.datasets.omniglot.WithinAlphabetRuns;

/**
 * The within-alphabet evaluation episodes ({@link WithinAlphabetRuns}) for a run whose data set is
 * {@code omniglot-small}, from the characters of one of its splits at the run's image size: what
 * {@code metalearn eval --within-alphabet} and the benchmark mains score.
 */
public final class WithinAlphabetSet {
    /** The official protocol's shape: 20 characters of one alphabet per episode. */
    public static final int WAY = 20;
    /** 50 episodes of 20 test items: 1000 items, a 95% interval of about +-1.4 points at 5% error. */
    public static final int EPISODES = 50;

    private WithinAlphabetSet() {
    }

    /**
     * The episodes over {@code split} of the data set {@code dataset} names.
     *
     * @param source the config file or checkpoint the data set comes from, for error messages
     * @throws ConfigException naming {@code dataset} when it is not {@code omniglot-small}, or the split
     */
    public static List<OmniglotRun> of(ProviderRegistry registry, ComponentConfig dataset, String split, int way,
                                       int episodes, long seed, String source) {
        if (!(registry.dataset(dataset.name()) instanceof OmniglotSmallProvider provider)) {
            throw new ConfigException("dataset", "within-alphabet episodes are drawn from " + OmniglotSmallProvider.NAME
                    + "'s characters and drawers, but the run's data set is '" + dataset.name() + "' (in " + source
                    + ")");
        }
        JsonNode params = dataset.params();
        OmniglotSmallConfig config = ConfigBinder.bindParams(provider, params, "dataset.params", source);
        return WithinAlphabetRuns.build(provider.characters(config, split), way, episodes, seed);
    }
}

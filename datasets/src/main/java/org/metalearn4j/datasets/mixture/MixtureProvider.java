package org.metalearn4j.datasets.mixture;

import java.util.ArrayList;
import java.util.List;
import org.metalearn4j.core.config.ComponentConfig;
import org.metalearn4j.core.config.ConfigBinder;
import org.metalearn4j.core.dataset.Dataset;
import org.metalearn4j.core.dataset.DatasetProvider;
import org.metalearn4j.core.plugin.PluginRegistry;
import org.metalearn4j.core.spi.ConfigException;

/**
 * {@code mixture}: tasks from several task families at once (see {@link MixtureConfig}), e.g. sinusoids and
 * harmonics for a task-conditioned optimizer. The families are looked up among the data sets on the class path.
 */
public final class MixtureProvider implements DatasetProvider<MixtureConfig> {

    @Override
    public String name() {
        return "mixture";
    }

    @Override
    public String description() {
        return "a mixture of task families: each task comes from one of several data sets, chosen at random";
    }

    @Override
    public Class<MixtureConfig> configType() {
        return MixtureConfig.class;
    }

    @Override
    public MixtureConfig defaults() {
        return new MixtureConfig(List.of(ComponentConfig.named("sinusoid"), ComponentConfig.named("harmonic")),
                List.of());
    }

    @Override
    public Dataset open(MixtureConfig config) {
        List<Dataset> families = new ArrayList<>();
        for (int i = 0; i < config.families().size(); i++) {
            ComponentConfig family = config.families().get(i);
            if (name().equals(family.name())) {
                throw new ConfigException("families[" + i + "].name", "a mixture cannot contain a mixture");
            }
            DatasetProvider<?> provider;
            try {
                provider = PluginRegistry.classpath().dataset(family.name());
            } catch (IllegalArgumentException e) {
                throw new ConfigException("families[" + i + "].name", e.getMessage(), e);
            }
            families.add(open(provider, family, "families[" + i + "].params"));
        }
        return new MixtureDataset(name(), families, config.probabilities());
    }

    private static <C extends Record> Dataset open(DatasetProvider<C> provider, ComponentConfig family,
                                                   String path) {
        C bound = ConfigBinder.bindParams(provider, family.params(), path, null);
        return provider.open(bound);
    }
}

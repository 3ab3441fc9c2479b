package org.metalearn4j.core.testing;

import org.metalearn4j.core.dataset.Dataset;
import org.metalearn4j.core.dataset.DatasetProvider;

/**
 * A provider, named after the data set, that opens one data set built in memory by a test (for instance a
 * {@link org.metalearn4j.core.dataset.ClassStoreDataset}); it takes no parameters. Register it with
 * {@code PluginRegistry.of("test", new FixedDatasetProvider(data), ...)}.
 */
public final class FixedDatasetProvider implements DatasetProvider<FixedDatasetProvider.NoParams> {
    private final Dataset data;

    public FixedDatasetProvider(Dataset data) {
        this.data = data;
    }

    /** The (empty) parameters. */
    public record NoParams() {
    }

    @Override
    public String name() {
        return data.name();
    }

    @Override
    public String description() {
        return "test fixture: in-memory data set '" + data.name() + "'";
    }

    @Override
    public Class<NoParams> configType() {
        return NoParams.class;
    }

    @Override
    public NoParams defaults() {
        return new NoParams();
    }

    @Override
    public Dataset open(NoParams config) {
        return data;
    }
}

package org.metalearn4j.transfer.data;

import org.metalearn4j.core.dataset.Dataset;
import org.metalearn4j.core.dataset.DatasetProvider;
import org.metalearn4j.core.pipeline.StageContext;
import org.metalearn4j.core.spi.ProviderRegistry;

/** Opens a data set by name with its provider's default config (stages name data sets, not their settings). */
public final class DatasetAccess {
    private DatasetAccess() {
    }

    public static Dataset open(ProviderRegistry registry, String name) {
        return openWithDefaults(registry.dataset(name));
    }

    /** Opens data set {@code name} for a running stage, telling its progress first what it loads. */
    public static Dataset open(StageContext context, String name) {
        context.progress().loading("data set " + name);
        return open(context.registry(), name);
    }

    private static <C extends Record> Dataset openWithDefaults(DatasetProvider<C> provider) {
        return provider.open(provider.defaults());
    }
}

package org.metalearn4j.core.dataset;

import org.metalearn4j.core.spi.Provider;

/** Discovered through {@link java.util.ServiceLoader}; listed by {@code metalearn datasets}. */
public interface DatasetProvider<C extends Record> extends Provider<C> {

    /** Opens (and if needed loads) the data set; fails with a {@link DatasetException} naming what is missing. */
    Dataset open(C config);
}

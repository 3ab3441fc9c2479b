package org.metalearn4j.core.train.testing;

import org.metalearn4j.core.dataset.Dataset;
import org.metalearn4j.core.dataset.DatasetProvider;

/** Test data set {@value #NAME}: Gaussian blobs generated from a seed, no files needed. */
public final class BlobsDatasetProvider implements DatasetProvider<BlobsConfig> {
    public static final String NAME = "test-blobs";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "test fixture: Gaussian blobs generated from a seed";
    }

    @Override
    public Class<BlobsConfig> configType() {
        return BlobsConfig.class;
    }

    @Override
    public BlobsConfig defaults() {
        return new BlobsConfig(8, 20, 10, 1.0, 7L);
    }

    @Override
    public Dataset open(BlobsConfig config) {
        return new BlobsDataset(config);
    }
}

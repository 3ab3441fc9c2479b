package org.metalearn4j.datasets.medical;

import java.nio.file.Path;
import org.metalearn4j.core.dataset.Dataset;
import org.metalearn4j.core.dataset.DatasetProvider;
import org.metalearn4j.datasets.store.DecodedCache;

/**
 * {@code breast-cancer-sites}: the Wisconsin diagnostic breast-cancer data (569 cases, 30 measurements; CC BY 4.0,
 * read from the copy the Debian package {@code python3-sklearn} installs) divided into simulated clinical sites by a
 * covariate shift ({@link ClinicalSites}), one site held out for meta-test. A demonstration of few-shot adaptation to
 * a new site, not a clinical tool.
 */
public final class BreastCancerProvider implements DatasetProvider<BreastCancerConfig> {
    public static final String NAME = "breast-cancer-sites";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Wisconsin breast cancer (python3-sklearn's CSV) as simulated clinical sites; a demonstration";
    }

    @Override
    public Class<BreastCancerConfig> configType() {
        return BreastCancerConfig.class;
    }

    @Override
    public BreastCancerConfig defaults() {
        return new BreastCancerConfig(BreastCancerCsv.DEBIAN_PATH, 5, "mean texture", 0.5, 0, 0);
    }

    @Override
    public Dataset open(BreastCancerConfig config) {
        Path file = Path.of(config.path()).toAbsolutePath().normalize();
        BreastCancerTable table = DecodedCache.get(NAME + ":" + file, () -> BreastCancerCsv.read(file));
        return new BreastCancerSitesDataset(NAME, new SiteSplit(table, config));
    }
}

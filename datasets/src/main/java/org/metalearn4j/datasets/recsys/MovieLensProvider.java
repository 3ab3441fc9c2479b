package org.metalearn4j.datasets.recsys;

import java.nio.file.Files;
import java.nio.file.Path;
import org.metalearn4j.core.dataset.Dataset;
import org.metalearn4j.core.dataset.DatasetException;
import org.metalearn4j.core.dataset.DatasetProvider;
import org.metalearn4j.datasets.store.DataDirectory;
import org.metalearn4j.datasets.store.DecodedCache;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code movielens}: cold-start rating prediction on the {@code movielens} table of the Debian package
 * {@code r-cran-dslabs} (100,004 ratings of 9,066 movies by 671 users, a subset of MovieLens ml-latest-small by
 * GroupLens), each user a regression task ({@link MovieLensDataset}). The table is exported to CSV once
 * ({@link DslabsExport}) into {@code <cache>/movielens/dslabs-movielens.csv}, or read from {@code csv}.
 */
public final class MovieLensProvider implements DatasetProvider<MovieLensConfig> {
    public static final String NAME = "movielens";
    private static final Logger LOG = LoggerFactory.getLogger(MovieLensProvider.class);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "MovieLens ratings of dslabs (r-cran-dslabs) as cold-start tasks, one user per task (MeLU)";
    }

    @Override
    public Class<MovieLensConfig> configType() {
        return MovieLensConfig.class;
    }

    @Override
    public MovieLensConfig defaults() {
        return new MovieLensConfig("", "", "Rscript", 0.7, 0.1, 0);
    }

    @Override
    public Dataset open(MovieLensConfig config) {
        Path csv = csvFile(config);
        MovieLensRatings ratings = DecodedCache.get(NAME + ":" + csv, () -> {
            MovieLensCsv.Result read = MovieLensCsv.read(csv);
            read.problems().stream().limit(10).forEach(LOG::warn);
            if (read.problems().size() > 10) {
                LOG.warn("{} more malformed rating lines skipped", read.problems().size() - 10);
            }
            return read.ratings();
        });
        return new MovieLensDataset(NAME, new ColdStartSplit(ratings, config.trainFraction(), config.valFraction(),
                config.splitSeed()));
    }

    /** The configured CSV, or the cached export, made now if it is missing. */
    static Path csvFile(MovieLensConfig config) {
        if (!config.csv().isBlank()) {
            Path given = Path.of(config.csv()).toAbsolutePath().normalize();
            if (!Files.isRegularFile(given)) {
                throw new DatasetException("movielens CSV " + given + " (dataset.params.csv) does not exist");
            }
            return given;
        }
        Path cached = DataDirectory.resolve(config.cacheDir()).resolve(NAME).resolve("dslabs-movielens.csv");
        synchronized (MovieLensProvider.class) {
            if (!Files.isRegularFile(cached)) {
                LOG.info("exporting dslabs::movielens to {} with {} (once)", cached, config.rscript());
                DslabsExport.export(config.rscript(), cached);
            }
        }
        return cached;
    }
}

package org.metalearn4j.datasets.recsys;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import org.metalearn4j.core.config.Checks;

/** Configuration of {@code movielens}; {@code metalearn config --defaults movielens} prints it. */
public record MovieLensConfig(
        @JsonPropertyDescription("a CSV export of dslabs::movielens; empty: export it once with Rscript into the data"
                + " cache (cacheDir, else $METALEARN4J_DATA, else ~/.cache/metalearn4j)") String csv,
        @JsonPropertyDescription("the data cache directory, or empty for the default") String cacheDir,
        @JsonPropertyDescription("the Rscript command of the one-time export (Debian package r-cran-dslabs)")
        String rscript,
        @JsonPropertyDescription("fraction of the users in meta-train") double trainFraction,
        @JsonPropertyDescription("fraction of the users in meta-val; the rest is meta-test") double valFraction,
        @JsonPropertyDescription("seed of the random division of the users") long splitSeed) {
    public MovieLensConfig {
        csv = csv == null ? "" : csv;
        cacheDir = cacheDir == null ? "" : cacheDir;
        Checks.notBlank("rscript", rscript);
        Checks.between("trainFraction", trainFraction, 0, 1);
        Checks.between("valFraction", valFraction, 0, 1 - trainFraction);
    }
}

package org.metalearn4j.datasets.medical;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import org.metalearn4j.core.config.Checks;

/** Configuration of {@code breast-cancer-sites}; {@code metalearn config --defaults breast-cancer-sites}. */
public record BreastCancerConfig(
        @JsonPropertyDescription("the CSV of scikit-learn's copy (Debian package python3-sklearn)") String path,
        @JsonPropertyDescription("number of sites the cases are divided into") int sites,
        @JsonPropertyDescription("the measurement that defines the covariate shift: site k holds the k-th band of"
                + " cases ranked by it") String siteCovariate,
        @JsonPropertyDescription("noise added to the standardised covariate before ranking, in standard deviations;"
                + " 0 gives sharp bands, larger values blur them") double jitter,
        @JsonPropertyDescription("seed of the jitter: each value gives another division into sites") long splitSeed,
        @JsonPropertyDescription("the site held out for meta-test, 0 .. sites-1") int heldOutSite) {
    public BreastCancerConfig {
        Checks.notBlank("path", path);
        Checks.atLeast("sites", sites, 2);
        Checks.notBlank("siteCovariate", siteCovariate);
        if (!BreastCancerTable.FEATURE_NAMES.contains(siteCovariate)) {
            throw new IllegalArgumentException("siteCovariate: expected one of " + BreastCancerTable.FEATURE_NAMES
                    + ", got '" + siteCovariate + "'");
        }
        Checks.nonNegative("jitter", jitter);
        Checks.between("heldOutSite", heldOutSite, 0, sites - 1);
    }
}

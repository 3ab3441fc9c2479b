package org.metalearn4j.datasets.medical;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The cases divided into sites, one site held out: measurements {@code log(1 + x)}-transformed (they are positive and
 * skewed: areas reach 4,254, smoothness stays below 0.17) and standardised with the means and deviations of the
 * training sites only, so nothing about the held-out site shapes the inputs of meta-training.
 */
public final class SiteSplit {
    private final float[][] features;
    private final int[] malignant;
    private final int[] site;
    private final int sites;
    private final int heldOut;

    /** Divides {@code table} as {@code config} says. */
    public SiteSplit(BreastCancerTable table, BreastCancerConfig config) {
        int n = table.cases();
        int covariate = BreastCancerTable.column(config.siteCovariate());
        double[] key = new double[n];
        for (int i = 0; i < n; i++) {
            key[i] = table.features()[i][covariate];
        }
        this.site = ClinicalSites.assign(key, config.sites(), config.jitter(), config.splitSeed());
        this.sites = config.sites();
        this.heldOut = config.heldOutSite();
        this.malignant = table.malignant().clone();
        this.features = standardised(table, site, heldOut);
    }

    private static float[][] standardised(BreastCancerTable table, int[] site, int heldOut) {
        int n = table.cases();
        int d = BreastCancerTable.FEATURE_NAMES.size();
        double[] mean = new double[d];
        double[] sq = new double[d];
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (site[i] == heldOut) {
                continue;
            }
            count++;
            for (int j = 0; j < d; j++) {
                double v = Math.log1p(table.features()[i][j]);
                mean[j] += v;
                sq[j] += v * v;
            }
        }
        double[] sd = new double[d];
        for (int j = 0; j < d; j++) {
            mean[j] /= count;
            sd[j] = Math.sqrt(Math.max(sq[j] / count - mean[j] * mean[j], 1e-12));
        }
        float[][] out = new float[n][d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                out[i][j] = (float) ((Math.log1p(table.features()[i][j]) - mean[j]) / sd[j]);
            }
        }
        return out;
    }

    /** Number of sites. */
    public int sites() {
        return sites;
    }

    /** The held-out (meta-test) site. */
    public int heldOutSite() {
        return heldOut;
    }

    /** Every site but the held-out one. */
    public int[] trainingSites() {
        return IntStream.range(0, sites).filter(s -> s != heldOut).toArray();
    }

    /** The site of every case, by case index (file order). */
    public int[] siteOfCase() {
        return site.clone();
    }

    /** Indices of the cases of the given sites, in file order. */
    public int[] cases(int... ofSites) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < site.length; i++) {
            for (int s : ofSites) {
                if (site[i] == s) {
                    out.add(i);
                }
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The standardised measurements of a case (a copy). */
    public float[] features(int caseIndex) {
        return features[caseIndex].clone();
    }

    /** 1 if the case is malignant. */
    public int malignant(int caseIndex) {
        return malignant[caseIndex];
    }
}

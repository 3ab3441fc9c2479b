package org.metalearn4j.datasets.medical;

import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Divides the cases into simulated clinical sites by a covariate shift: cases are ranked by one measurement (by
 * default {@code mean texture}, standardised) plus Gaussian jitter, and site {@code k} of {@code S} receives the
 * {@code k}-th of {@code S} equal bands. Sites then differ in their case mix (with texture, the malignant fraction
 * rises from about 7% in the lowest band to 65% in the highest), as hospitals serving different populations do; the
 * relation between measurements and diagnosis is unchanged. The jitter's seed makes each split of the data into sites
 * a different one, for confidence intervals over resampled splits.
 */
public final class ClinicalSites {
    private ClinicalSites() {
    }

    /** The site of each case. */
    public static int[] assign(double[] covariate, int sites, double jitter, long seed) {
        int n = covariate.length;
        double mean = Arrays.stream(covariate).average().orElse(0);
        double sd = Math.sqrt(Arrays.stream(covariate).map(v -> (v - mean) * (v - mean)).sum() / Math.max(1, n - 1));
        SplittableRandom random = new SplittableRandom(seed);
        double[] key = new double[n];
        for (int i = 0; i < n; i++) {
            key[i] = (covariate[i] - mean) / (sd > 0 ? sd : 1) + jitter * gaussian(random);
        }
        Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> key[i]).thenComparingInt(i -> i));
        int[] site = new int[n];
        for (int rank = 0; rank < n; rank++) {
            site[order[rank]] = (int) ((long) rank * sites / n);
        }
        return site;
    }

    private static double gaussian(SplittableRandom random) {
        return Math.sqrt(-2.0 * Math.log(1.0 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}

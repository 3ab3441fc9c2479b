package org.metalearn4j.core.train.testing;

import org.metalearn4j.core.config.Checks;

/**
 * Parameters of the Gaussian-blobs test data set.
 *
 * @param dims         input dimension
 * @param trainClasses classes in {@code meta-train}
 * @param testClasses  classes in {@code meta-test} (disjoint from the training classes)
 * @param spread       standard deviation of points around their class centre (centres have unit variance * 3)
 * @param seed         seed of the class centres
 */
public record BlobsConfig(int dims, int trainClasses, int testClasses, double spread, long seed) {
    public BlobsConfig {
        Checks.atLeast("dims", dims, 1);
        Checks.atLeast("trainClasses", trainClasses, 2);
        Checks.atLeast("testClasses", testClasses, 2);
        Checks.positive("spread", spread);
    }
}

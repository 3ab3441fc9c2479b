package org.metalearn4j.core.train.testing;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import org.metalearn4j.core.config.Checks;

/** Parameters of the Gaussian-blobs test data set. */
public record BlobsConfig(
        @JsonPropertyDescription("input dimension") int dims,
        @JsonPropertyDescription("classes in meta-train") int trainClasses,
        @JsonPropertyDescription("classes in meta-test (disjoint from the training classes)") int testClasses,
        @JsonPropertyDescription("standard deviation of points around their class centre (centres have unit"
                + " variance * 3)") double spread,
        @JsonPropertyDescription("seed of the class centres") long seed) {
    public BlobsConfig {
        Checks.atLeast("dims", dims, 1);
        Checks.atLeast("trainClasses", trainClasses, 2);
        Checks.atLeast("testClasses", testClasses, 2);
        Checks.positive("spread", spread);
    }
}

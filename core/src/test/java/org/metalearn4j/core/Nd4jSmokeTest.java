package org.metalearn4j.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

class Nd4jSmokeTest {
    @Test
    void backendLoadsAndMultiplies() {
        var a = Nd4j.create(new double[][] {{1, 2}, {3, 4}});
        assertThat(a.mmul(a).getDouble(1, 1)).isEqualTo(22.0);
    }
}

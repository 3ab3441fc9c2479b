package org.metalearn4j.core.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class AreaResizeTest {
    @Test
    void integerFactorAveragesBlocks() {
        float[] src = {
            1, 1, 0, 0,
            1, 1, 0, 1,
            0, 0, 1, 1,
            0, 1, 1, 1};
        assertThat(AreaResize.resize(src, 4, 4, 2, 2)).containsExactly(1f, 0.25f, 0.25f, 1f);
    }

    @Test
    void fractionalFactorPreservesTheMeanAndTheRange() {
        float[] src = new float[105 * 105];
        double mean = 0;
        for (int i = 0; i < src.length; i++) {
            src[i] = (i * 7919 % 13 == 0) ? 1f : 0f;
            mean += src[i];
        }
        mean /= src.length;
        float[] out = AreaResize.resize(src, 105, 105, 28, 28);
        double outMean = 0;
        for (float v : out) {
            assertThat(v).isBetween(0f, 1f + 1e-6f);
            outMean += v;
        }
        assertThat(outMean / out.length).isCloseTo(mean, within(1e-5));
    }

    @Test
    void uniformImageStaysUniform() {
        float[] src = new float[105 * 105];
        java.util.Arrays.fill(src, 1f);
        for (float v : AreaResize.resize(src, 105, 105, 28, 28)) {
            assertThat(v).isCloseTo(1f, within(1e-5f));
        }
    }
}

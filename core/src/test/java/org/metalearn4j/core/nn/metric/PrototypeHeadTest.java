package org.metalearn4j.core.nn.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.metalearn4j.core.nn.Params;
import org.metalearn4j.core.nn.metric.Distance;
import org.metalearn4j.core.nn.metric.PrototypeHead;
import org.metalearn4j.core.nn.metric.SupportLabels;
import org.metalearn4j.core.tensor.Tensor;
import org.nd4j.linalg.factory.Nd4j;

class PrototypeHeadTest {
    private static final Params NONE = Params.of(List.of(), List.of());

    @Test
    void logitsAreNegativeSquaredDistancesToClassMeans() {
        // class 0: (0,0) and (2,0) -> mean (1,0); class 1: (0,4) -> mean (0,4)
        Tensor support = Tensor.constant(Nd4j.create(new double[][] {{0, 0}, {0, 4}, {2, 0}}));
        SupportLabels labels = new SupportLabels(new int[] {0, 1, 0}, 2);
        Tensor query = Tensor.constant(Nd4j.create(new double[][] {{1, 1}, {3, 3}}));

        double[][] logits = new PrototypeHead(Distance.SQUARED_EUCLIDEAN, 10)
                .logits(NONE, support, labels, query).value().toDoubleMatrix();

        // (1,1): to (1,0) 0+1 = 1, to (0,4) 1+9 = 10; (3,3): to (1,0) 4+9 = 13, to (0,4) 9+1 = 10
        assertThat(logits[0][0]).isCloseTo(-1, within(1e-12));
        assertThat(logits[0][1]).isCloseTo(-10, within(1e-12));
        assertThat(logits[1][0]).isCloseTo(-13, within(1e-12));
        assertThat(logits[1][1]).isCloseTo(-10, within(1e-12));
    }

    @Test
    void cosineLogitsAreScaledCosinesToClassMeans() {
        Tensor support = Tensor.constant(Nd4j.create(new double[][] {{1, 0}, {0, 2}}));
        SupportLabels labels = new SupportLabels(new int[] {0, 1}, 2);
        Tensor query = Tensor.constant(Nd4j.create(new double[][] {{1, 1}}));

        double[] logits = new PrototypeHead(Distance.COSINE, 10).logits(NONE, support, labels, query).value()
                .toDoubleVector();

        assertThat(logits[0]).isCloseTo(10 / Math.sqrt(2), within(1e-6));
        assertThat(logits[1]).isCloseTo(10 / Math.sqrt(2), within(1e-6));
    }

    @Test
    void refinementMovesEachPrototypeTowardsTheQueriesAssignedToItAndLeavesTheTrainingLossAlone() {
        // class 0 at (0,0), class 1 at (4,0); queries at (1,0) and (3,0)
        Tensor support = Tensor.constant(Nd4j.create(new double[][] {{0, 0}, {4, 0}}));
        SupportLabels labels = new SupportLabels(new int[] {0, 1}, 2);
        Tensor query = Tensor.constant(Nd4j.create(new double[][] {{1, 0}, {3, 0}}));
        PrototypeHead refined = new PrototypeHead(Distance.SQUARED_EUCLIDEAN, 10, 1);
        double[][] logits = refined.logits(NONE, support, labels, query).value().toDoubleMatrix();

        // one soft k-means step: the query at (1,0) is class 0 with p = 1 / (1 + e^-8), the one at (3,0) with 1 - p
        double p = 1 / (1 + Math.exp(-8));
        double c0 = (p * 1 + (1 - p) * 3) / (1 + p + (1 - p));
        double c1 = 4 - c0;
        assertThat(logits[0][0]).isCloseTo(-(1 - c0) * (1 - c0), within(1e-9));
        assertThat(logits[0][1]).isCloseTo(-(1 - c1) * (1 - c1), within(1e-9));
        assertThat(logits[1][0]).isCloseTo(-(3 - c0) * (3 - c0), within(1e-9));

        PrototypeHead plain = new PrototypeHead(Distance.SQUARED_EUCLIDEAN, 10);
        int[] queryLabels = {0, 1};
        assertThat(refined.score(NONE, support, labels, query, queryLabels).loss().item())
                .isEqualTo(plain.score(NONE, support, labels, query, queryLabels).loss().item());
        assertThat(refined.logits(NONE, support, labels, query).value())
                .isNotEqualTo(plain.logits(NONE, support, labels, query).value());
        assertThatThrownBy(() -> new PrototypeHead(Distance.COSINE, 1, -1)).hasMessageContaining("refinementSteps");
    }

    @Test
    void supportWithoutSomeClassIsRejectedNamingIt() {
        assertThatThrownBy(() -> new SupportLabels(new int[] {0, 0, 2}, 3))
                .hasMessageContaining("class 1 of 3 has no example");
        assertThatThrownBy(() -> new SupportLabels(new int[] {0, 5}, 2))
                .hasMessageContaining("label 5 at index 1 is outside [0, 2)");
    }
}

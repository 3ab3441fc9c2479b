package org.metalearn4j.examples.apps.recsys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RankingScoresTest {
    @Test
    void handComputedMaeAndNdcg() {
        float[] truth = {5, 3, 4, 1};
        assertThat(RankingScores.mae(new double[] {4, 3, 4, 3}, truth)).isEqualTo(0.75);
        assertThat(RankingScores.ndcg(new double[] {9, 1, 5, 0}, truth, 3)).isEqualTo(1.0);
        // ranked 3 (rating 1), 1 (3), 0 (5); ideal 5, 4, 3
        double dcg = 1 / 1.0 + 7 / log2(3) + 31 / 2.0;
        double ideal = 31 / 1.0 + 15 / log2(3) + 7 / 2.0;
        assertThat(RankingScores.ndcg(new double[] {1, 2, 0, 3}, truth, 3)).isCloseTo(dcg / ideal, within(1e-12));
    }

    @Test
    void matrixFactorisationRecoversARankOneTable() {
        int users = 30;
        int items = 12;
        int[] u = new int[users * items];
        int[] i = new int[users * items];
        float[] r = new float[users * items];
        for (int a = 0; a < users; a++) {
            for (int b = 0; b < items; b++) {
                u[a * items + b] = a;
                i[a * items + b] = b;
                r[a * items + b] = (float) (3 + 0.8 * Math.sin(a) * Math.cos(b));
            }
        }
        MatrixFactorization mf = new MatrixFactorization(u, i, r, 2, 0.01, 20, 1);
        int[] known = {0, 1, 2, 3, 4, 5};
        float[] ratings = new float[known.length];
        for (int k = 0; k < known.length; k++) {
            ratings[k] = (float) (3 + 0.8 * Math.sin(100) * Math.cos(known[k]));
        }
        double[] predicted = mf.predict(known, ratings, new int[] {6, 7, 8});
        for (int k = 0; k < 3; k++) {
            assertThat(predicted[k]).isCloseTo(3 + 0.8 * Math.sin(100) * Math.cos(6 + k), within(0.05));
        }
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}

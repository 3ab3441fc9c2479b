package org.metalearn4j.examples.apps.recsys;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/** Accuracy of predicted ratings on one user's query items: mean absolute error and nDCG@k. */
final class RankingScores {
    private RankingScores() {
    }

    /** Mean absolute error. */
    static double mae(double[] predicted, float[] truth) {
        double sum = 0;
        for (int i = 0; i < truth.length; i++) {
            sum += Math.abs(predicted[i] - truth[i]);
        }
        return sum / truth.length;
    }

    /**
     * nDCG@k of the items ranked by predicted rating (ties broken by position), with gains {@code 2^rating - 1} and
     * discounts {@code log2(1 + rank)} (as in MeLU's evaluation): the DCG of the top {@code k} over the best possible.
     */
    static double ndcg(double[] predicted, float[] truth, int k) {
        Integer[] byPrediction = IntStream.range(0, truth.length).boxed().toArray(Integer[]::new);
        Arrays.sort(byPrediction, Comparator.comparingDouble((Integer i) -> -predicted[i]).thenComparingInt(i -> i));
        double[] ideal = IntStream.range(0, truth.length).mapToDouble(i -> truth[i]).sorted().toArray();
        double dcg = 0;
        double best = 0;
        for (int r = 0; r < Math.min(k, truth.length); r++) {
            double discount = Math.log(2 + r) / Math.log(2);
            dcg += (Math.pow(2, truth[byPrediction[r]]) - 1) / discount;
            best += (Math.pow(2, ideal[ideal.length - 1 - r]) - 1) / discount;
        }
        return best > 0 ? dcg / best : 1;
    }
}

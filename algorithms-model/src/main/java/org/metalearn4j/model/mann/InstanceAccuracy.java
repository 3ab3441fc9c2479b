package org.metalearn4j.model.mann;

import org.metalearn4j.core.task.Seeds;
import org.metalearn4j.core.task.Task;
import org.metalearn4j.core.task.TaskSource;

/**
 * The per-instance protocol of Santoro et al. (2016): episodes of N classes x K instances read as sequences in a
 * random order; the accuracy at the k-th instance is the fraction of classes whose k-th appearance was predicted
 * correctly (before its label was shown). Episode {@code i} is {@code source.sample(Seeds.derive(seed, i))} and its
 * order {@code Seeds.derive(seed, i, 1)}, so every classifier is scored on identical sequences.
 */
public final class InstanceAccuracy {
    private InstanceAccuracy() {
    }

    /**
     * Mean accuracy per instance over episodes.
     *
     * @param accuracy {@code accuracy[k - 1]}: at the k-th instance of each class
     * @param ci95     the half-widths of their 95% confidence intervals over episodes
     * @param episodes episodes scored
     */
    public record Result(double[] accuracy, double[] ci95, int episodes) {
    }

    /** Scores {@code classifier} on {@code episodes} episodes of {@code source} (their support sets). */
    public static Result evaluate(SequenceClassifier classifier, TaskSource source, int episodes, long seed) {
        if (episodes < 1) {
            throw new IllegalArgumentException("episodes must be >= 1, got " + episodes);
        }
        double[] sum = null;
        double[] sumSq = null;
        for (int i = 0; i < episodes; i++) {
            Task task = source.sample(Seeds.derive(seed, i));
            int[] labels = task.support().y().castTo(org.nd4j.linalg.api.buffer.DataType.INT).toIntVector();
            int[] order = EpisodeSequence.shuffled(labels.length, Seeds.derive(seed, i, 1));
            int[] predicted = classifier.predict(task.support(), order);
            int[] seen = new int[task.ways()];
            double[] correct = new double[task.shots()];
            for (int t = 0; t < order.length; t++) {
                int label = labels[order[t]];
                int instance = seen[label]++;
                if (instance < correct.length && predicted[t] == label) {
                    correct[instance] += 1.0 / task.ways();
                }
            }
            if (sum == null) {
                sum = new double[correct.length];
                sumSq = new double[correct.length];
            }
            for (int k = 0; k < Math.min(sum.length, correct.length); k++) {
                sum[k] += correct[k];
                sumSq[k] += correct[k] * correct[k];
            }
        }
        double[] mean = new double[sum.length];
        double[] ci = new double[sum.length];
        for (int k = 0; k < sum.length; k++) {
            mean[k] = sum[k] / episodes;
            double variance = episodes > 1 ? Math.max(0, (sumSq[k] - episodes * mean[k] * mean[k]) / (episodes - 1))
                    : 0;
            ci[k] = 1.96 * Math.sqrt(variance / episodes);
        }
        return new Result(mean, ci, episodes);
    }
}

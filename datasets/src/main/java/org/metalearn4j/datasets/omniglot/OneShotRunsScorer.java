package org.metalearn4j.datasets.omniglot;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.metalearn4j.core.dataset.DatasetException;
import org.metalearn4j.core.learner.Adapter;
import org.metalearn4j.core.learner.Predictor;
import org.metalearn4j.core.task.Examples;
import org.metalearn4j.core.task.TaskType;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Scores any trained model, through its {@link Adapter}, on Omniglot one-shot runs: per run the adapter sees the
 * training images as a support set (one per class, labels 0..n-1 in file order), and each test item counts as correct
 * when the largest predicted logit is its class. Images are float32 {@code [n, 1, size, size]}, labels int64.
 */
public final class OneShotRunsScorer {
    private OneShotRunsScorer() {
    }

    /**
     * Reads the runs at {@code runs} (an {@code all_runs.zip} or its unpacked directory) at the image size the model
     * was trained on, and scores the adapter on all of them.
     */
    public static OneShotScore score(Adapter adapter, Path runs, int imageSize) {
        return score(adapter, OmniglotRuns.read(runs, imageSize));
    }

    /** Scores the adapter on already loaded runs. */
    public static OneShotScore score(Adapter adapter, List<OmniglotRun> runs) {
        Map<String, Double> perRun = new LinkedHashMap<>();
        int correct = 0;
        int items = 0;
        for (OmniglotRun run : runs) {
            int ways = run.training().size();
            long[] labels = new long[ways];
            Arrays.setAll(labels, i -> i);
            Examples support = new Examples(stack(run.training()), Nd4j.createFromArray(labels));
            Predictor predictor = adapter.adapt(support, TaskType.CLASSIFICATION, ways);
            INDArray logits = predictor.predict(stack(run.test()));
            if (logits.rank() != 2 || logits.size(0) != run.test().size() || logits.size(1) != ways) {
                throw new DatasetException(run.name() + ": the predictor returned logits of shape "
                        + Arrays.toString(logits.shape()) + ", expected [" + run.test().size() + ", " + ways + "]");
            }
            double[][] scores = logits.toDoubleMatrix();
            int[] answers = run.answers();
            int runCorrect = 0;
            for (int j = 0; j < scores.length; j++) {
                if (argMax(scores[j]) == answers[j]) {
                    runCorrect++;
                }
            }
            perRun.put(run.name(), runCorrect / (double) scores.length);
            correct += runCorrect;
            items += scores.length;
        }
        return OneShotScore.of(correct, items, perRun);
    }

    private static int argMax(double[] row) {
        int best = 0;
        for (int i = 1; i < row.length; i++) {
            if (row[i] > row[best]) {
                best = i;
            }
        }
        return best;
    }

    private static INDArray stack(List<float[]> images) {
        int size = images.get(0).length;
        int side = (int) Math.round(Math.sqrt(size));
        float[] all = new float[images.size() * size];
        for (int i = 0; i < images.size(); i++) {
            System.arraycopy(images.get(i), 0, all, i * size, size);
        }
        return Nd4j.create(all, new long[] {images.size(), 1, side, side}, DataType.FLOAT);
    }
}

package org.metalearn4j.model.mann;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.metalearn4j.core.task.Examples;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A batch of episodes presented as sequences, step by step: at step t episode b shows example {@code order[b][t]} of
 * its set together with the label of the example it showed at step t - 1 (none at the first step).
 *
 * @param inputs   per step, the inputs {@code [B, inputSize]}
 * @param previous per step, the previous labels one-hot {@code [B, ways]}
 * @param labels   per step, the labels to predict, one per episode
 */
record EpisodeSequence(List<INDArray> inputs, List<INDArray> previous, List<int[]> labels) {

    /** The sequences of {@code episodes} (all of one size) in the given orders. */
    static EpisodeSequence of(List<Examples> episodes, int[][] orders, int inputSize, int ways, DataType type) {
        int b = episodes.size();
        int steps = episodes.get(0).size();
        float[][][] x = new float[b][][];
        int[][] y = new int[b][];
        for (int e = 0; e < b; e++) {
            Examples ex = episodes.get(e);
            if (ex.size() != steps) {
                throw new IllegalArgumentException("mann: the episodes of a meta-batch must have one length, got "
                        + steps + " and " + ex.size() + " examples");
            }
            if (ex.x().length() != (long) steps * inputSize) {
                throw new IllegalArgumentException("mann: expected " + inputSize + " input values per example, got"
                        + " shape " + java.util.Arrays.toString(ex.x().shape()));
            }
            if (ex.y().rank() != 1) {
                throw new IllegalArgumentException("mann: expected rank-1 class labels, got shape "
                        + java.util.Arrays.toString(ex.y().shape()));
            }
            x[e] = ex.x().castTo(DataType.FLOAT).reshape(steps, inputSize).toFloatMatrix();
            y[e] = ex.y().castTo(DataType.INT).toIntVector();
            for (int label : y[e]) {
                if (label < 0 || label >= ways) {
                    throw new IllegalArgumentException("mann: label " + label + " outside [0, " + ways + ")");
                }
            }
        }
        List<INDArray> inputs = new ArrayList<>(steps);
        List<INDArray> previous = new ArrayList<>(steps);
        List<int[]> labels = new ArrayList<>(steps);
        for (int t = 0; t < steps; t++) {
            float[] in = new float[b * inputSize];
            float[] prev = new float[b * ways];
            int[] now = new int[b];
            for (int e = 0; e < b; e++) {
                System.arraycopy(x[e][orders[e][t]], 0, in, e * inputSize, inputSize);
                now[e] = y[e][orders[e][t]];
                if (t > 0) {
                    prev[e * ways + y[e][orders[e][t - 1]]] = 1;
                }
            }
            inputs.add(Nd4j.create(in, new long[] {b, inputSize}, DataType.FLOAT).castTo(type));
            previous.add(Nd4j.create(prev, new long[] {b, ways}, DataType.FLOAT).castTo(type));
            labels.add(now);
        }
        return new EpisodeSequence(inputs, previous, labels);
    }

    /** A uniformly random order of {@code n} steps from {@code seed}. */
    static int[] shuffled(int n, long seed) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    int steps() {
        return inputs.size();
    }
}

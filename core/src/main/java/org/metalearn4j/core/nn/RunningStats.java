package org.metalearn4j.core.nn;

import java.util.LinkedHashMap;
import java.util.Map;
import org.metalearn4j.core.backend.StepArena;
import org.metalearn4j.core.state.StateDict;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Batch-norm running mean and variance of every batch-norm layer, keyed by the layer's path. Kept outside the
 * parameters because they are not trained by gradients; saved as {@code "<path>.running_mean"} and
 * {@code "<path>.running_var"} like PyTorch.
 */
public final class RunningStats {
    private final Map<String, INDArray[]> stats = new LinkedHashMap<>();
    private final boolean lastBatch;

    /** Running averages with each layer's momentum. */
    public RunningStats() {
        this(false);
    }

    private RunningStats(boolean lastBatch) {
        this.lastBatch = lastBatch;
    }

    /**
     * Statistics that are always those of the last training batch each layer saw (momentum 1, whatever the layer's
     * own): how a learner normalises test inputs with a support set's statistics, so that query examples never see
     * each other (non-transductive evaluation).
     */
    public static RunningStats lastBatch() {
        return new RunningStats(true);
    }

    /** The running mean of layer {@code path} (zeros before the first training batch). */
    public INDArray mean(String path, long channels, DataType type) {
        return entry(path, channels, type)[0];
    }

    /** The running variance of layer {@code path} (ones before the first training batch). */
    public INDArray variance(String path, long channels, DataType type) {
        return entry(path, channels, type)[1];
    }

    /**
     * {@code running = (1 - momentum) * running + momentum * batch}, with the unbiased batch variance; momentum 1
     * for {@link #lastBatch()} statistics.
     */
    public void update(String path, INDArray batchMean, INDArray unbiasedVariance, double layerMomentum) {
        double momentum = lastBatch ? 1.0 : layerMomentum;
        INDArray[] e = entry(path, batchMean.length(), batchMean.dataType());
        e[0].muli(1 - momentum).addi(batchMean.mul(momentum));
        e[1].muli(1 - momentum).addi(unbiasedVariance.mul(momentum));
    }

    public StateDict toStateDict() {
        StateDict sd = new StateDict();
        stats.forEach((path, e) -> {
            sd.put(key(path, "running_mean"), e[0]);
            sd.put(key(path, "running_var"), e[1]);
        });
        return sd;
    }

    /** Replaces all statistics with those in {@code state} (as written by {@link #toStateDict()}). */
    public void load(StateDict state) {
        stats.clear();
        for (String name : state.names()) {
            if (name.endsWith("running_mean")) {
                String path = name.equals("running_mean") ? "" : name.substring(0, name.length() - 13);
                stats.put(path, new INDArray[] {state.get(name).dup(), state.get(key(path, "running_var")).dup()});
            }
        }
    }

    private INDArray[] entry(String path, long channels, DataType type) {
        INDArray[] e = stats.computeIfAbsent(path, p -> StepArena.outside(() -> new INDArray[] {
            Nd4j.zeros(type, channels), Nd4j.ones(type, channels)}));
        if (e[0].length() != channels) {
            throw new IllegalArgumentException("batch norm '" + path + "': running statistics have "
                    + e[0].length() + " channels, input has " + channels);
        }
        return e;
    }

    private static String key(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }
}

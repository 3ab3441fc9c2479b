package org.metalearn4j.core.nn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
 *
 * <p>A {@linkplain #recording() recording} instance keeps the batch statistics it is given instead of averaging them
 * in, so that a step computed task by task (possibly in another process) can hand each task's statistics to the
 * learner, which then {@linkplain #replay replays} them into its own statistics in task order: the same numbers as if
 * the tasks had updated one shared instance one after another.
 */
public final class RunningStats {
    private static final String MEAN = ".batch_mean";
    private static final String VARIANCE = ".batch_var";
    private static final String MOMENTUM = ".momentum";

    private final Map<String, INDArray[]> stats = new LinkedHashMap<>();
    private final boolean lastBatch;
    private final List<Recorded> recorded;

    private record Recorded(String path, INDArray mean, INDArray variance, double momentum) {
    }

    /** Running averages with each layer's momentum, starting at mean 0 and variance 1, updated in place. */
    public RunningStats() {
        this(false, null);
    }

    private RunningStats(boolean lastBatch, List<Recorded> recorded) {
        this.lastBatch = lastBatch;
        this.recorded = recorded;
    }

    /**
     * Statistics that are always those of the last training batch each layer saw (momentum 1, whatever the layer's
     * own): how a learner normalises test inputs with a support set's statistics, so that query examples never see
     * each other (non-transductive evaluation).
     */
    public static RunningStats lastBatch() {
        return new RunningStats(true, null);
    }

    /**
     * An instance for one task of a step: {@link #update} records the batch statistics (copies that outlive a
     * {@link StepArena}) instead of applying them; {@link #recordedUpdates()} returns them.
     */
    public static RunningStats recording() {
        return new RunningStats(false, new ArrayList<>());
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
     * for {@link #lastBatch()} statistics; a recording instance records the update instead.
     */
    public void update(String path, INDArray batchMean, INDArray unbiasedVariance, double layerMomentum) {
        double momentum = lastBatch ? 1.0 : layerMomentum;
        if (recorded != null) {
            recorded.add(StepArena.outside(() -> new Recorded(path, batchMean.dup(), unbiasedVariance.dup(),
                    momentum)));
            return;
        }
        INDArray[] e = entry(path, batchMean.length(), batchMean.dataType());
        e[0].muli(1 - momentum).addi(batchMean.mul(momentum));
        e[1].muli(1 - momentum).addi(unbiasedVariance.mul(momentum));
    }

    /**
     * The updates a {@linkplain #recording() recording} instance was given, in order, as
     * {@code "<k>:<path>.batch_mean"}, {@code ".batch_var"} and {@code ".momentum"} entries for {@link #replay};
     * detached copies, usable after the step's arena closed.
     */
    public StateDict recordedUpdates() {
        if (recorded == null) {
            throw new IllegalStateException("these running statistics record nothing; use RunningStats.recording()");
        }
        return StepArena.outside(() -> {
            StateDict sd = new StateDict();
            for (int k = 0; k < recorded.size(); k++) {
                Recorded r = recorded.get(k);
                String prefix = k + ":" + r.path();
                sd.put(prefix + MEAN, r.mean()).put(prefix + VARIANCE, r.variance()).putScalar(prefix + MOMENTUM,
                        r.momentum());
            }
            return sd;
        });
    }

    /** Applies updates {@link #recordedUpdates()} returned, in their order, as {@link #update} would have. */
    public void replay(StateDict updates) {
        for (String name : updates.names()) {
            if (name.endsWith(MEAN)) {
                String prefix = name.substring(0, name.length() - MEAN.length());
                int colon = prefix.indexOf(':');
                if (colon < 0) {
                    throw new IllegalArgumentException("batch statistics: entry '" + name
                            + "' is not named <k>:<path>" + MEAN);
                }
                update(prefix.substring(colon + 1), updates.get(name), updates.get(prefix + VARIANCE),
                        updates.getScalar(prefix + MOMENTUM));
            }
        }
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

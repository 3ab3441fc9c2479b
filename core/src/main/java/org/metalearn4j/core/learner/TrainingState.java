package org.metalearn4j.core.learner;

import java.util.Map;
import java.util.Objects;
import org.metalearn4j.core.nn.BackboneHeadModel;
import org.metalearn4j.core.nn.Params;
import org.metalearn4j.core.nn.RunningStats;
import org.metalearn4j.core.optim.Optimizer;
import org.metalearn4j.core.state.StateDict;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What a learner trains and must save for an exact resume, kept in one place: the parameters ({@code params.*}), the
 * optimizer's state ({@code optim.*}, when the learner has an optimizer), batch-norm running statistics
 * ({@code bn.*}, when it keeps any) and the count of completed steps ({@code steps}). A learner with more state
 * (an RNG, a memory) adds its own entries next to {@link #save()}'s.
 */
public final class TrainingState implements LearnerState {
    private static final String PARAMS = "params.";
    private static final String OPTIM = "optim.";
    private static final String STATS = "bn.";
    private static final String STEPS = "steps";

    private final Optimizer optimizer;
    private final RunningStats stats;
    private Params params;
    private long steps;

    /**
     * @param params    the trained parameters (leaf variables an optimizer updates in place)
     * @param optimizer the optimizer that updates them, or null when the learner updates them itself
     * @param stats     batch-norm running statistics to save, or null when the learner keeps none
     */
    public TrainingState(Params params, Optimizer optimizer, RunningStats stats) {
        this.params = Objects.requireNonNull(params, "params");
        this.optimizer = optimizer;
        this.stats = stats;
    }

    public Params params() {
        return params;
    }

    /** The optimizer, or null. */
    public Optimizer optimizer() {
        return optimizer;
    }

    /** The running statistics, or null. */
    public RunningStats stats() {
        return stats;
    }

    /** Completed training steps. */
    public long steps() {
        return steps;
    }

    /** Counts one completed step. */
    public void stepDone() {
        steps++;
    }

    /** Applies {@code grads} with the optimizer and counts the step. */
    public void step(Params grads) {
        optimizer.step(params, grads);
        steps++;
    }

    /** A detached snapshot of everything listed in the class comment. */
    @Override
    public StateDict save() {
        StateDict sd = new StateDict();
        sd.putAll(PARAMS, params.toStateDict());
        if (optimizer != null) {
            sd.putAll(OPTIM, optimizer.state());
        }
        if (stats != null) {
            sd.putAll(STATS, stats.toStateDict());
        }
        sd.putLongs(STEPS, steps);
        return sd;
    }

    /** Restores what {@link #save()} returned; fails naming a missing entry or a parameter of another shape. */
    @Override
    public void load(StateDict state) {
        params = params.load(state.withPrefix(PARAMS));
        if (optimizer != null) {
            optimizer.loadState(state.withPrefix(OPTIM));
        }
        if (stats != null) {
            stats.load(state.withPrefix(STATS));
        }
        steps = state.getLongs(STEPS)[0];
    }

    /**
     * The part of {@link #save()} a task's computation reads, the parameters and the step count (which seeds the
     * step's randomness): what a {@link TaskwiseLearner#computeState()} whose tasks read nothing else returns, a third
     * of the full state when the optimizer is Adam.
     */
    public StateDict computeState() {
        StateDict sd = new StateDict();
        sd.putAll(PARAMS, params.toStateDict());
        sd.putLongs(STEPS, steps);
        return sd;
    }

    /** Restores what {@link #computeState()} returned; the optimizer and running statistics are left as they are. */
    public void loadComputeState(StateDict state) {
        params = params.load(state.withPrefix(PARAMS));
        steps = state.getLongs(STEPS)[0];
    }

    /** The parameters' live arrays by name, not copied (see {@link Learner#trainedArrays()}). */
    @Override
    public Map<String, INDArray> trainedArrays() {
        return params.arrays();
    }

    /** The backbone's parameters and statistics, named as the backbone module names them. */
    @Override
    public StateDict backbone() {
        return BackboneHeadModel.backboneState(params, stats);
    }
}

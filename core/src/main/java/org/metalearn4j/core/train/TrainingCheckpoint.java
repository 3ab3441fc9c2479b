package org.metalearn4j.core.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.metalearn4j.core.checkpoint.Checkpoint;
import org.metalearn4j.core.checkpoint.CheckpointException;
import org.metalearn4j.core.checkpoint.Provenance;
import org.metalearn4j.core.learner.Learner;
import org.metalearn4j.core.state.StateDict;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The state a training checkpoint holds: the learner's {@link Learner#state()} under {@code learner.} and the
 * training loop's own memory under {@code loop.} (the recent steps' losses and metrics), written and read in one
 * place for every caller of the {@link MetaTrainingLoop}.
 */
public final class TrainingCheckpoint {
    private static final String LEARNER = "learner.";
    private static final String RECENT_LOSS = "loop.recent.loss";
    private static final String RECENT_METRIC = "loop.recent.metric";

    private TrainingCheckpoint() {
    }

    /** A checkpoint of {@code learner} after {@code iteration} iterations. */
    public static Checkpoint of(Learner learner, int iteration, List<LoopStart.RecentStep> recent, String configJson,
                                Provenance provenance) {
        double[] loss = recent.stream().mapToDouble(LoopStart.RecentStep::loss).toArray();
        double[] metric = recent.stream().mapToDouble(LoopStart.RecentStep::metric).toArray();
        StateDict learnerState = learner.state();
        FiniteCheck.firstNonFinite(learnerState.asMap()).ifPresent(entry -> {
            throw new TrainingDivergedException(iteration, "the learner's state entry " + entry
                    + "; no checkpoint was written for this iteration");
        });
        StateDict state = new StateDict().putAll(LEARNER, learnerState);
        if (!recent.isEmpty()) {
            state.putDoubles(RECENT_LOSS, loss).putDoubles(RECENT_METRIC, metric);
        }
        return new Checkpoint(iteration, state, configJson, provenance);
    }

    /**
     * The learner's part of a checkpoint's state.
     *
     * @param file names the checkpoint in messages
     * @throws CheckpointException if it holds no learner state, or values that are NaN or Inf (a run that diverged
     *                             before this version refused to save such a state)
     */
    public static StateDict learnerState(Checkpoint checkpoint, String file) {
        StateDict learner = checkpoint.state().withPrefix(LEARNER);
        if (learner.names().isEmpty()) {
            throw new CheckpointException("checkpoint " + file + " (iteration " + checkpoint.iteration() + ") holds"
                    + " no learner state (entries " + LEARNER + "*); it was not written by a training run of this"
                    + " version");
        }
        FiniteCheck.firstNonFinite(learner.asMap()).ifPresent(entry -> {
            throw new CheckpointException("checkpoint " + file + " (iteration " + checkpoint.iteration() + ") holds"
                    + " non-finite values: " + LEARNER + entry + "; the run had diverged when it was written. Use an"
                    + " earlier checkpoint");
        });
        return learner;
    }

    /**
     * Loads the learner's state from {@code checkpoint} and returns where the loop continues.
     *
     * @param file names the checkpoint in messages
     * @throws CheckpointException naming the checkpoint and the entry when the state does not fit the learner (a
     *                             parameter of another shape, a missing entry: the learner's configuration differs)
     */
    public static LoopStart restore(Checkpoint checkpoint, String file, Learner learner) {
        load(learner, learnerState(checkpoint, file), file);
        StateDict state = checkpoint.state();
        List<LoopStart.RecentStep> recent = new ArrayList<>();
        if (state.contains(RECENT_LOSS) && state.contains(RECENT_METRIC)) {
            INDArray loss = state.get(RECENT_LOSS);
            INDArray metric = state.get(RECENT_METRIC);
            for (int i = 0; i < loss.length(); i++) {
                recent.add(new LoopStart.RecentStep(loss.getDouble(i), metric.getDouble(i)));
            }
        }
        return new LoopStart(checkpoint.iteration(), recent);
    }

    /**
     * {@code learner.load(state)}, with a failure that names the checkpoint: learners name the entry that does not
     * fit, but not where it came from.
     */
    public static void load(Learner learner, StateDict state, String file) {
        // Checked here as well as by the learner: an INDArray.assign of another shape may broadcast silently.
        learner.state().asMap().forEach((name, now) -> {
            if (state.contains(name) && !Arrays.equals(state.get(name).shape(), now.shape())) {
                throw new CheckpointException("checkpoint " + file + " does not fit the configured learner: entry '"
                        + name + "' has shape " + Arrays.toString(state.get(name).shape()) + " there but "
                        + Arrays.toString(now.shape()) + " in the learner; was it written with another learner or"
                        + " network configuration?");
            }
        });
        try {
            learner.load(state);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new CheckpointException("checkpoint " + file + " does not fit the configured learner: "
                    + e.getMessage() + "; was it written with another learner or network configuration?", e);
        }
    }
}

package org.metalearn4j.core.train;

import java.util.ArrayList;
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
        StateDict state = new StateDict().putAll(LEARNER, learner.state());
        if (!recent.isEmpty()) {
            state.putDoubles(RECENT_LOSS, loss).putDoubles(RECENT_METRIC, metric);
        }
        return new Checkpoint(iteration, state, configJson, provenance);
    }

    /** The learner's part of a checkpoint's state. */
    public static StateDict learnerState(Checkpoint checkpoint) {
        StateDict learner = checkpoint.state().withPrefix(LEARNER);
        if (learner.names().isEmpty()) {
            throw new CheckpointException("the checkpoint of iteration " + checkpoint.iteration() + " holds no learner"
                    + " state (entries " + LEARNER + "*); it was not written by a training run of this version");
        }
        return learner;
    }

    /** Loads the learner's state from {@code checkpoint} and returns where the loop continues. */
    public static LoopStart restore(Checkpoint checkpoint, Learner learner) {
        learner.load(learnerState(checkpoint));
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
}

package org.metalearn4j.model.mann;

import java.util.List;
import org.metalearn4j.core.learner.Adapter;
import org.metalearn4j.core.learner.EpisodeObjectiveLearner;
import org.metalearn4j.core.learner.Learner;
import org.metalearn4j.core.learner.StepMetrics;
import org.metalearn4j.core.state.StateDict;
import org.metalearn4j.core.task.Task;
import org.metalearn4j.core.tensor.Tensor;

/**
 * A MANN (or its LSTM baseline) trained by core's {@link EpisodeObjectiveLearner} on the sequence objective, which
 * also hands out a {@link SequenceClassifier} for the per-instance protocol.
 */
public final class MannLearner implements Learner {
    private final EpisodeObjectiveLearner learner;
    private final MannObjective objective;

    MannLearner(EpisodeObjectiveLearner learner, MannObjective objective) {
        this.learner = learner;
        this.objective = objective;
    }

    @Override
    public StepMetrics step(List<Task> batch) {
        return learner.step(batch);
    }

    @Override
    public Adapter adapter() {
        return learner.adapter();
    }

    /** The network with the current parameters as a sequence classifier; later training does not change it. */
    public SequenceClassifier sequenceClassifier() {
        return objective.classifier(learner.params().map(t -> Tensor.constant(t.value().dup())));
    }

    @Override
    public StateDict state() {
        return learner.state();
    }

    @Override
    public void load(StateDict state) {
        learner.load(state);
    }

    @Override
    public StateDict backbone() {
        return learner.backbone();
    }
}

package org.metalearn4j.model.mann;

import java.util.List;
import org.metalearn4j.core.learner.Adapter;
import org.metalearn4j.core.learner.EpisodeObjectiveLearner;
import org.metalearn4j.core.learner.LearnerState;
import org.metalearn4j.core.learner.StatefulLearner;
import org.metalearn4j.core.learner.StepMetrics;
import org.metalearn4j.core.task.Task;
import org.metalearn4j.core.tensor.Tensor;

/**
 * A MANN (or its LSTM baseline) trained by core's {@link EpisodeObjectiveLearner} on the sequence objective, which
 * also hands out a {@link SequenceClassifier} for the per-instance protocol.
 */
public final class MannLearner implements StatefulLearner {
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
    public LearnerState learnerState() {
        return learner.learnerState();
    }
}

package org.metalearn4j.model.taskembed;

import java.util.EnumSet;
import java.util.Set;
import org.metalearn4j.core.learner.EpisodeObjectiveLearner;
import org.metalearn4j.core.learner.Learner;
import org.metalearn4j.core.learner.LearnerContext;
import org.metalearn4j.core.learner.LearnerProvider;
import org.metalearn4j.core.optim.ScheduledAdamConfig;
import org.metalearn4j.core.task.Seeds;
import org.metalearn4j.core.task.TaskType;
import org.metalearn4j.model.DeclaredParameters;
import org.metalearn4j.model.LearnerTaskType;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * {@code task-encoder}: a learner-independent task embedding trained so that embedding distances follow the distances
 * between the tasks' solutions; adapts by the nearest known task's warm start. Its {@link TaskEncoderLearner} is a
 * {@link org.metalearn4j.core.learner.TaskEncoder.Trained}, so other learners can take the trained encoder.
 */
public final class TaskEncoderProvider implements LearnerProvider<TaskEncoderConfig> {
    @Override
    public String name() {
        return "task-encoder";
    }

    @Override
    public String description() {
        return "Task embedding whose distances follow the distances between tasks' solutions; nearest-known-task warm"
                + " start (regression)";
    }

    @Override
    public Class<TaskEncoderConfig> configType() {
        return TaskEncoderConfig.class;
    }

    /** Encoder 64 wide, embedding 32; 64 features of length scale 1, ridge 0.1; 256 known tasks; Adam 1e-3. */
    @Override
    public TaskEncoderConfig defaults() {
        return new TaskEncoderConfig(64, 2, 32, 64, 1.0, 0.1, 256, ScheduledAdamConfig.constant(1e-3));
    }

    @Override
    public Set<TaskType> taskTypes() {
        return EnumSet.of(TaskType.REGRESSION);
    }

    @Override
    public Learner create(TaskEncoderConfig config, LearnerContext context) {
        LearnerTaskType.require(name(), TaskType.REGRESSION, context);
        int xDim = context.inputSize();
        int yDim = context.outputs();
        RidgeSolutions ridge = new RidgeSolutions(xDim, config.features(), config.bandwidth(), config.ridge(),
                Seeds.derive(context.seed(), 4));
        SetEncoder set = new SetEncoder(LearnedTaskEncoder.elementWidth(ridge, xDim, yDim), config.hidden(),
                config.layers(), config.embeddingSize());
        LearnedTaskEncoder encoder = new LearnedTaskEncoder(set, ridge, xDim, yDim);
        DeclaredParameters params = new DeclaredParameters(set.parameterSpecs().stream()
                .map(s -> s.prefixed("encoder")).toList());
        return new TaskEncoderLearner(encoder, ridge, config.knownTasks(), objective -> new EpisodeObjectiveLearner(
                objective, params.init(Seeds.derive(context.seed(), 0), DataType.FLOAT), config.optimizer(), null,
                context.seed()));
    }
}

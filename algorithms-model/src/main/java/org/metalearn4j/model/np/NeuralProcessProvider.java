package org.metalearn4j.model.np;

import java.util.EnumSet;
import java.util.Set;
import org.metalearn4j.core.learner.EpisodeObjectiveLearner;
import org.metalearn4j.core.learner.Learner;
import org.metalearn4j.core.learner.LearnerContext;
import org.metalearn4j.core.learner.LearnerProvider;
import org.metalearn4j.core.task.Seeds;
import org.metalearn4j.core.task.TaskType;
import org.metalearn4j.model.LearnerTaskType;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * What {@code cnp}, {@code np} and {@code anp} share: one {@link NeuralProcessConfig} and the learner built from it;
 * they differ in their defaults. Each subclass is its own ServiceLoader provider.
 */
abstract class NeuralProcessProvider implements LearnerProvider<NeuralProcessConfig> {
    private final String name;
    private final String description;
    private final NeuralProcessConfig defaults;

    NeuralProcessProvider(String name, String description, NeuralProcessConfig defaults) {
        this.name = name;
        this.description = description;
        this.defaults = defaults;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public final Class<NeuralProcessConfig> configType() {
        return NeuralProcessConfig.class;
    }

    @Override
    public final NeuralProcessConfig defaults() {
        return defaults;
    }

    @Override
    public final Set<TaskType> taskTypes() {
        return EnumSet.of(TaskType.REGRESSION);
    }

    /** A learner for the context's input width and target width, initialised from its seed. */
    @Override
    public final Learner create(NeuralProcessConfig config, LearnerContext context) {
        LearnerTaskType.require(name, TaskType.REGRESSION, context);
        NeuralProcess model = new NeuralProcess(config, context.inputSize(), context.outputs());
        return new EpisodeObjectiveLearner(new NeuralProcessObjective(model, Seeds.derive(context.seed(), 3)),
                model.init(Seeds.derive(context.seed(), 0), DataType.FLOAT), config.optimizer(), null,
                context.seed());
    }
}

package org.metalearn4j.model.np;

import java.util.EnumSet;
import java.util.Set;
import org.metalearn4j.core.learner.EpisodeObjectiveLearner;
import org.metalearn4j.core.learner.Learner;
import org.metalearn4j.core.learner.LearnerContext;
import org.metalearn4j.core.learner.LearnerFamilyProvider;
import org.metalearn4j.core.task.Seeds;
import org.metalearn4j.core.task.TaskType;
import org.metalearn4j.model.LearnerTaskType;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * What {@code cnp}, {@code np} and {@code anp} share: one {@link NeuralProcessConfig} and the learner built from it;
 * they differ in their defaults. Each subclass is its own ServiceLoader provider.
 */
abstract class NeuralProcessProvider extends LearnerFamilyProvider<NeuralProcessConfig> {
    NeuralProcessProvider(String name, String description, NeuralProcessConfig defaults) {
        super(name, description, NeuralProcessConfig.class, defaults);
    }

    @Override
    public final Set<TaskType> taskTypes() {
        return EnumSet.of(TaskType.REGRESSION);
    }

    /** A learner for the context's input width and target width, initialised from its seed. */
    @Override
    public final Learner create(NeuralProcessConfig config, LearnerContext context) {
        LearnerTaskType.require(name(), TaskType.REGRESSION, context);
        NeuralProcess model = new NeuralProcess(config, context.inputSize(), context.outputs());
        return new EpisodeObjectiveLearner(new NeuralProcessObjective(model, Seeds.derive(context.seed(), 3)),
                model.init(Seeds.derive(context.seed(), 0), DataType.FLOAT), config.optimizer(), null,
                context.seed());
    }
}

package org.metalearn4j.model.mann;

import java.util.EnumSet;
import java.util.Set;
import org.metalearn4j.core.learner.EpisodeObjectiveLearner;
import org.metalearn4j.core.learner.Learner;
import org.metalearn4j.core.learner.LearnerContext;
import org.metalearn4j.core.learner.LearnerProvider;
import org.metalearn4j.core.optim.LrSchedule;
import org.metalearn4j.core.optim.ScheduledAdamConfig;
import org.metalearn4j.core.task.Seeds;
import org.metalearn4j.core.task.TaskType;
import org.metalearn4j.model.LearnerTaskType;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * {@code mann}: memory-augmented neural network (Santoro et al. 2016), or with {@code memory: none} the LSTM baseline.
 * Episodes are the data set's N-way K-shot tasks; the support set is the sequence.
 */
public final class MannProvider implements LearnerProvider<MannConfig> {
    @Override
    public String name() {
        return "mann";
    }

    @Override
    public String description() {
        return "Memory-augmented network: LSTM controller, LRU external memory, episodes read as label-delayed"
                + " sequences (memory: none is the LSTM baseline)";
    }

    @Override
    public Class<MannConfig> configType() {
        return MannConfig.class;
    }

    /** Santoro et al.'s sizes (200 controller units, 128 x 40 memory, 4 heads), Adam 1e-3 clipped at norm 10. */
    @Override
    public MannConfig defaults() {
        return new MannConfig(MemoryKind.LRU, 200, 128, 40, 4, 0.95, true,
                new ScheduledAdamConfig(1e-3, 0, LrSchedule.constant(), 10));
    }

    @Override
    public Set<TaskType> taskTypes() {
        return EnumSet.of(TaskType.CLASSIFICATION);
    }

    @Override
    public Learner create(MannConfig config, LearnerContext context) {
        LearnerTaskType.require(name(), TaskType.CLASSIFICATION, context);
        MemoryAugmentedNetwork model = new MemoryAugmentedNetwork(config, context.inputSize(), context.ways());
        MannObjective objective = new MannObjective(model, Seeds.derive(context.seed(), 3));
        return new MannLearner(new EpisodeObjectiveLearner(objective, model.init(Seeds.derive(context.seed(), 0),
                DataType.FLOAT), config.optimizer(), null, context.seed()), objective);
    }
}

package org.metalearn4j.model.hyper;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.metalearn4j.core.learner.EpisodeObjectiveLearner;
import org.metalearn4j.core.learner.Learner;
import org.metalearn4j.core.learner.LearnerContext;
import org.metalearn4j.core.learner.LearnerProvider;
import org.metalearn4j.core.optim.ScheduledAdamConfig;
import org.metalearn4j.core.task.Seeds;
import org.metalearn4j.core.task.TaskType;
import org.metalearn4j.model.LearnerTaskType;
import org.nd4j.linalg.api.buffer.DataType;

/** {@code hypernet}: a task encoder generates the weights of a small regression MLP (Ha et al. 2017). */
public final class HypernetProvider implements LearnerProvider<HypernetConfig> {
    @Override
    public String name() {
        return Hypernetwork.NAME;
    }

    @Override
    public String description() {
        return "Hypernetwork: a support-set encoder generates the weights of a regression MLP";
    }

    @Override
    public Class<HypernetConfig> configType() {
        return HypernetConfig.class;
    }

    /** Encoder 64 wide, embedding 64, a generated 40-40 MLP (MAML's sinusoid network), Adam 1e-3. */
    @Override
    public HypernetConfig defaults() {
        return new HypernetConfig(64, 2, 64, List.of(40, 40), 0, ScheduledAdamConfig.constant(1e-3));
    }

    @Override
    public Set<TaskType> taskTypes() {
        return EnumSet.of(TaskType.REGRESSION);
    }

    @Override
    public Learner create(HypernetConfig config, LearnerContext context) {
        LearnerTaskType.require(name(), TaskType.REGRESSION, context);
        Hypernetwork model = new Hypernetwork(config, context.inputSize(), context.outputs());
        return new EpisodeObjectiveLearner(new HypernetObjective(model),
                model.init(Seeds.derive(context.seed(), 0), DataType.FLOAT), config.optimizer(), null,
                context.seed());
    }
}

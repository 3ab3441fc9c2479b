package org.metalearn4j.model.hyper;

import java.util.EnumSet;
import java.util.Set;
import org.metalearn4j.core.learner.EpisodeObjectiveLearner;
import org.metalearn4j.core.learner.Learner;
import org.metalearn4j.core.learner.LearnerContext;
import org.metalearn4j.core.learner.LearnerProvider;
import org.metalearn4j.core.nn.BackboneHeadModel;
import org.metalearn4j.core.nn.BackboneSpec;
import org.metalearn4j.core.nn.RunningStats;
import org.metalearn4j.core.nn.metric.Distance;
import org.metalearn4j.core.nn.backbone.Backbone;
import org.metalearn4j.core.nn.backbone.BackboneUse;
import org.metalearn4j.core.optim.LrSchedule;
import org.metalearn4j.core.optim.ScheduledAdamConfig;
import org.metalearn4j.core.task.Seeds;
import org.metalearn4j.core.task.TaskType;
import org.metalearn4j.model.LearnerTaskType;
import org.nd4j.linalg.api.buffer.DataType;

/** {@code weightgen}: a classifier whose class weights are generated from the support set. */
public final class WeightGenProvider implements LearnerProvider<WeightGenConfig> {
    @Override
    public String name() {
        return WeightGenerator.NAME;
    }

    @Override
    public String description() {
        return "Weight generation: a task encoder generates a cosine (or Euclidean) classifier's class weights from"
                + " the support set";
    }

    @Override
    public Class<WeightGenConfig> configType() {
        return WeightGenConfig.class;
    }

    /**
     * Conv4 with 64 channels and no final ReLU, encoder and generator 128 wide, cosine scale 10, Adam 1e-3 halved
     * every 2000 steps. The signed features are what the cosine classifier needs: with the final ReLU the same
     * 30-minute Omniglot run scored 5 and 11 points lower (BENCHMARKS.md, "Weight generation on Omniglot").
     */
    @Override
    public WeightGenConfig defaults() {
        return new WeightGenConfig(BackboneSpec.conv4(64, false), 128, 128, Distance.COSINE, 10, 0,
                new ScheduledAdamConfig(1e-3, 0, LrSchedule.halvingEvery(2000), 0));
    }

    @Override
    public Set<TaskType> taskTypes() {
        return EnumSet.of(TaskType.CLASSIFICATION);
    }

    @Override
    public Learner create(WeightGenConfig config, LearnerContext context) {
        LearnerTaskType.require(name(), TaskType.CLASSIFICATION, context);
        Backbone backbone = context.backbone(config.backbone(), BackboneUse.EMBEDDING);
        WeightGenerator model = new WeightGenerator(backbone.module(), Math.toIntExact(backbone.featureSize()),
                config);
        RunningStats stats = new RunningStats();
        context.initialBackbone().ifPresent(b -> BackboneHeadModel.loadStatistics(stats, b));
        return new EpisodeObjectiveLearner(new WeightGenObjective(model, config.descriptorSize()),
                model.init(Seeds.derive(context.seed(), 0), DataType.FLOAT, context.initialBackbone()),
                config.optimizer(), stats, context.seed());
    }
}

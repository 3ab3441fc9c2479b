package org.metalearn4j.transfer.metatrain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.metalearn4j.core.config.ConfigBinder;
import org.metalearn4j.core.dataset.Dataset;
import org.metalearn4j.core.learner.Learner;
import org.metalearn4j.core.learner.LearnerProvider;
import org.metalearn4j.core.learner.StepMetrics;
import org.metalearn4j.core.pipeline.Artifact;
import org.metalearn4j.core.pipeline.ArtifactKind;
import org.metalearn4j.core.pipeline.PipelineStage;
import org.metalearn4j.core.pipeline.StageContext;
import org.metalearn4j.core.pipeline.StageProvider;
import org.metalearn4j.core.state.StateDict;
import org.metalearn4j.core.task.EpisodeSpec;
import org.metalearn4j.core.task.Seeds;
import org.metalearn4j.core.task.Task;
import org.metalearn4j.core.task.TaskSource;
import org.metalearn4j.transfer.data.DatasetAccess;

/**
 * The {@code meta-train} stage: creates any registered learner by name and meta-trains it on episodes, starting from
 * an incoming BACKBONE when there is one (handed over as {@code LearnerContext.initialBackbone}; the learner's own
 * config must name a matching architecture). Its loop is minimal (progress reports, no checkpoints inside the stage)
 * and should later reuse core.train's trainer.
 */
public final class MetaTrainStageProvider implements StageProvider<MetaTrainConfig> {
    private static final int SUMMARY_WINDOW = 20;

    @Override
    public String name() {
        return "meta-train";
    }

    @Override
    public String description() {
        return "meta-train any learner by name, optionally from the incoming pretrained backbone";
    }

    @Override
    public Class<MetaTrainConfig> configType() {
        return MetaTrainConfig.class;
    }

    @Override
    public MetaTrainConfig defaults() {
        return new MetaTrainConfig("protonet", null, "omniglot-small", "meta-train", 5, 1, 15, 4, 2000);
    }

    @Override
    public PipelineStage create(MetaTrainConfig config) {
        return PipelineStage.of(Set.of(ArtifactKind.NONE, ArtifactKind.BACKBONE), ArtifactKind.LEARNER,
                (input, context) -> train(config, input, context));
    }

    private static Artifact train(MetaTrainConfig config, Artifact input, StageContext context) {
        Dataset data = DatasetAccess.open(context.registry(), config.dataset());
        TaskSource source = data.episodes(config.split(), new EpisodeSpec(config.way(), config.shot(), config.query()));
        LearnerProvider<?> provider = context.registry().learner(config.learner());
        long seed = Seeds.derive(context.seed(), 0);
        Optional<StateDict> backbone = input.kind() == ArtifactKind.BACKBONE ? Optional.of(input.state())
                : Optional.empty();
        Learner learner = LearnerArtifacts.create(provider, config.params(), "config.params", data.inputShape(),
                config.way(), seed, backbone);
        double lossSum = 0;
        double metricSum = 0;
        int window = Math.min(SUMMARY_WINDOW, config.iterations());
        for (int it = 0; it < config.iterations(); it++) {
            List<Task> batch = new ArrayList<>(config.metaBatch());
            for (int b = 0; b < config.metaBatch(); b++) {
                batch.add(source.sample(Seeds.derive(context.seed(), 1, it, b)));
            }
            StepMetrics m = learner.step(batch);
            if (it >= config.iterations() - window) {
                lossSum += m.loss();
                metricSum += LearnerArtifacts.metricOrZero(m);
            }
            context.progress().report(it + 1, config.iterations(), Map.of("loss", m.loss(), "metric", m.metric()));
        }
        Record bound = ConfigBinder.bindParams(provider, config.params(), "config.params", null);
        return LearnerArtifacts.of(config.learner(), bound, config.way(), seed, learner,
                LearnerArtifacts.summary(lossSum, metricSum, window));
    }
}

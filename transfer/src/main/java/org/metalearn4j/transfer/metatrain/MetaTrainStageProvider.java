package org.metalearn4j.transfer.metatrain;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.metalearn4j.core.checkpoint.CheckpointException;
import org.metalearn4j.core.checkpoint.CheckpointStore;
import org.metalearn4j.core.checkpoint.Provenance;
import org.metalearn4j.core.config.ComponentConfig;
import org.metalearn4j.core.config.ConfigBinder;
import org.metalearn4j.core.config.ConfigLoader;
import org.metalearn4j.core.config.EvalConfig;
import org.metalearn4j.core.config.RunConfig;
import org.metalearn4j.core.config.TrainConfig;
import org.metalearn4j.core.dataset.Dataset;
import org.metalearn4j.core.event.StepEvent;
import org.metalearn4j.core.learner.Learner;
import org.metalearn4j.core.learner.LearnerContext;
import org.metalearn4j.core.learner.LearnerProvider;
import org.metalearn4j.core.model.ModelDescription;
import org.metalearn4j.core.pipeline.Artifact;
import org.metalearn4j.core.pipeline.ArtifactKind;
import org.metalearn4j.core.pipeline.PipelineStage;
import org.metalearn4j.core.pipeline.StageContext;
import org.metalearn4j.core.pipeline.StageProvider;
import org.metalearn4j.core.state.StateDict;
import org.metalearn4j.core.task.EpisodeSpec;
import org.metalearn4j.core.task.Seeds;
import org.metalearn4j.core.task.TaskSource;
import org.metalearn4j.core.train.Evaluator;
import org.metalearn4j.core.train.Every;
import org.metalearn4j.core.train.LoopPlan;
import org.metalearn4j.core.train.LoopStart;
import org.metalearn4j.core.train.LoopResult;
import org.metalearn4j.core.train.MetaTrainingLoop;
import org.metalearn4j.core.train.RunComponents;
import org.metalearn4j.core.train.TrainingCheckpoint;
import org.metalearn4j.transfer.data.DatasetAccess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code meta-train} stage: creates any registered learner by name and meta-trains it with core's
 * {@link MetaTrainingLoop}, starting from an incoming BACKBONE when there is one (handed over as
 * {@code LearnerContext.initialBackbone}; the learner's own config must name a matching architecture). It writes a
 * checkpoint into the stage directory every {@value #CHECKPOINT_EVERY} iterations and at the end, and an interrupted
 * stage that is run again with the same config and seed continues from its newest good checkpoint, bitwise as if it
 * had never stopped. Steps are reported as the stage's progress.
 */
public final class MetaTrainStageProvider implements StageProvider<MetaTrainConfig> {
    static final int CHECKPOINT_EVERY = 200;
    private static final Logger LOG = LoggerFactory.getLogger(MetaTrainStageProvider.class);

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

    /** Trains and evaluates only through core's loops, which a dry run shortens. */
    @Override
    public boolean dryRunnable() {
        return true;
    }

    @Override
    public PipelineStage create(MetaTrainConfig config) {
        return PipelineStage.of(Set.of(ArtifactKind.NONE, ArtifactKind.BACKBONE), ArtifactKind.LEARNER,
                (input, context) -> train(config, input, context));
    }

    private static Artifact train(MetaTrainConfig config, Artifact input, StageContext context) {
        Dataset data = DatasetAccess.open(context, config.dataset());
        TaskSource source = data.episodes(config.split(), new EpisodeSpec(config.way(), config.shot(), config.query()));
        LearnerProvider<?> provider = context.registry().learner(config.learner());
        RunComponents.requireTaskType(provider, data, "learner", null);
        long seed = Seeds.derive(context.seed(), 0);
        Optional<StateDict> backbone = input.kind() == ArtifactKind.BACKBONE ? Optional.of(input.state())
                : Optional.empty();
        LearnerContext created = LearnerContext.forDataset(data, source, config.way(), seed, backbone,
                context.registry());
        Learner learner = LearnerArtifacts.create(provider, config.params(), "config.params", created);
        Record bound = ConfigBinder.bindParams(provider, config.params(), "config.params", null);
        ModelDescription description = ModelDescription.of(config.learner(), ConfigBinder.toTree(bound), data,
                created);
        String identity = ConfigBinder.toTree(config).put("seed", context.seed()).put("input", input.kind().name())
                .toString();
        CheckpointStore store = new CheckpointStore(context.workDir(), 2);
        LoopStart start = resume(store, identity, learner);
        LoopPlan plan = LoopPlan.of(config.iterations(), config.metaBatch(), Seeds.derive(context.seed(), 1))
                .withCheckpointEvery(Every.iterations(CHECKPOINT_EVERY));
        LoopResult result = new MetaTrainingLoop(learner, source, plan, Evaluator.metricName(data.type()))
                .events(event -> {
                    if (event instanceof StepEvent e) {
                        context.progress().report(e.iteration(), e.iterations(),
                                Map.of("loss", e.loss(), "metric", e.metric()));
                    }
                })
                .checkpoints((l, iteration, recent) -> store.save(TrainingCheckpoint.of(l, iteration, recent,
                        identity, Provenance.current(context.seed())).withModel(description)).toString())
                .run(start, () -> false);
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("train.loss", result.recentLoss());
        metrics.put("train." + Evaluator.metricName(data.type()), result.recentMetric());
        return LearnerArtifacts.of(config.learner(), bound, created, learner, metrics, context)
                .withModel(description, ConfigLoader.toJson(runConfig(config, bound, seed)));
    }

    /**
     * The {@code metalearn train} configuration that trains the same learner on the same episodes, recorded with the
     * artifact so that {@code metalearn eval} can reopen its data set and score it like a training run.
     */
    private static RunConfig runConfig(MetaTrainConfig config, Record bound, long seed) {
        TrainConfig defaults = TrainConfig.defaults();
        return new RunConfig(seed, "auto", null, ComponentConfig.named(config.dataset()),
                new ComponentConfig(config.learner(), ConfigBinder.toTree(bound)), new TrainConfig(config.iterations(),
                config.metaBatch(), config.way(), config.shot(), config.query(), config.split(), CHECKPOINT_EVERY,
                defaults.evalEvery(), defaults.keepCheckpoints()), EvalConfig.defaults(), null);
    }

    /**
     * The iteration of the newest good checkpoint this stage wrote with the same config, seed and input, its state
     * loaded into {@code learner}; 0 (and the stale checkpoints removed) when there is none.
     */
    private static LoopStart resume(CheckpointStore store, String identity, Learner learner) {
        Optional<CheckpointStore.Loaded> loaded;
        try {
            loaded = store.latestGood();
        } catch (CheckpointException e) {
            LOG.warn("{}; meta-training starts afresh", e.getMessage());
            store.clear();
            return LoopStart.fresh();
        }
        if (loaded.isEmpty()) {
            return LoopStart.fresh();
        }
        loaded.get().skipped().forEach(reason -> LOG.warn("{}; using the previous good checkpoint", reason));
        if (!identity.equals(loaded.get().checkpoint().configJson())) {
            LOG.info("{} was written with another stage config; meta-training starts afresh", loaded.get().file());
            store.clear();
            return LoopStart.fresh();
        }
        LoopStart start = TrainingCheckpoint.restore(loaded.get().checkpoint(), loaded.get().file().toString(),
                learner);
        LOG.info("meta-train continues from {} at iteration {}", loaded.get().file(), start.iteration());
        return start;
    }
}

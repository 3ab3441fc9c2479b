package org.metalearn4j.transfer.evaluate;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.metalearn4j.core.config.EnumNames;
import org.metalearn4j.core.dataset.Dataset;
import org.metalearn4j.core.learner.Adapter;
import org.metalearn4j.core.nn.BackboneSpec;
import org.metalearn4j.core.pipeline.Artifact;
import org.metalearn4j.core.pipeline.ArtifactKind;
import org.metalearn4j.core.pipeline.PipelineStage;
import org.metalearn4j.core.pipeline.StageContext;
import org.metalearn4j.core.pipeline.StageProvider;
import org.metalearn4j.core.state.StateDict;
import org.metalearn4j.core.task.EpisodeSpec;
import org.metalearn4j.core.task.Examples;
import org.metalearn4j.core.task.Seeds;
import org.metalearn4j.core.train.EvalProgress;
import org.metalearn4j.core.train.EvalResult;
import org.metalearn4j.core.train.Evaluator;
import org.metalearn4j.transfer.data.DatasetAccess;
import org.metalearn4j.transfer.finetune.FinetuneMode;
import org.metalearn4j.transfer.metatrain.LearnerArtifacts;
import org.metalearn4j.transfer.model.BackboneProvenance;
import org.metalearn4j.transfer.model.Classifier;

/**
 * The {@code evaluate} stage: few-shot accuracy (mean and 95% CI over fixed seeded episodes) of the incoming artifact
 * on a data set split. NONE: fine-tune a fresh network on each support set (training from scratch); BACKBONE or
 * MODEL: prototypes on frozen features or fine-tuning from the pretrained backbone; LEARNER: the learner's adapter.
 */
public final class EvaluateStageProvider implements StageProvider<EvaluateConfig> {
    @Override
    public String name() {
        return "evaluate";
    }

    @Override
    public String description() {
        return "few-shot evaluation on fixed seeded episodes (mean accuracy and 95% CI)";
    }

    @Override
    public Class<EvaluateConfig> configType() {
        return EvaluateConfig.class;
    }

    @Override
    public EvaluateConfig defaults() {
        return new EvaluateConfig("fashion-mnist", "test", 5, 1, 15, 1000, 2026, EvaluateConfig.Adapter.FINETUNE,
                FinetuneMode.FULL, 1, 50, 1e-3, 0.0, BackboneSpec.conv4(64));
    }

    /** Trains and evaluates only through core's loops, which a dry run shortens. */
    @Override
    public boolean dryRunnable() {
        return true;
    }

    @Override
    public PipelineStage create(EvaluateConfig config) {
        return PipelineStage.of(
                Set.of(ArtifactKind.NONE, ArtifactKind.BACKBONE, ArtifactKind.MODEL, ArtifactKind.LEARNER),
                ArtifactKind.EVALUATION,
                (input, context) -> {
            Dataset data = DatasetAccess.open(context, config.dataset());
            Adapter adapter = adapter(config, input, context, data.inputShape());
            EvalResult r = Evaluator.evaluate(adapter,
                    data.episodes(config.split(), new EpisodeSpec(config.way(), config.shot(), config.query())),
                    config.episodes(), config.episodeSeed(), (phase, done, total) -> {
                        if (EvalProgress.EPISODES.equals(phase)) {
                            context.progress().report(done, total, Map.of());
                        }
                    });
            Map<String, Double> metrics = new LinkedHashMap<>();
            metrics.put(r.metric(), r.value());
            metrics.put(r.metric() + ".ci95", r.ci95());
            metrics.putAll(r.secondaryValues());
            metrics.put("episodes", (double) r.episodes());
            Map<String, String> provenance = Map.of("dataset", config.dataset() + "/" + config.split(),
                    "episodes", config.way() + "-way " + config.shot() + "-shot, " + config.episodes()
                            + " episodes, seed " + config.episodeSeed(),
                    "method", method(config, input));
            return new Artifact(ArtifactKind.EVALUATION, new StateDict(), metrics, context.provenance(provenance));
        });
    }

    private static Adapter adapter(EvaluateConfig config, Artifact input, StageContext context, long[] inputShape) {
        long seed = Seeds.derive(context.seed(), 0);
        return switch (input.kind()) {
            case LEARNER -> LearnerArtifacts.restore(input, context.registry(), inputShape).adapter();
            case NONE -> new FinetuneAdapter(config.backbone(), inputShape, null,
                    config.plan(), config.steps(), seed, context.registry());
            case BACKBONE, MODEL -> {
                BackboneSpec spec = BackboneProvenance.read(input.provenance().details());
                StateDict backbone = input.kind() == ArtifactKind.MODEL
                        ? input.state().withPrefix(Classifier.BACKBONE) : input.state();
                if (config.adapter() == EvaluateConfig.Adapter.PROTOTYPES) {
                    Classifier model = new Classifier(spec, inputShape, config.way(), seed, context.registry());
                    model.loadBackbone(backbone);
                    yield new PrototypeAdapter(model);
                }
                yield new FinetuneAdapter(spec, inputShape, backbone, config.plan(), config.steps(), seed,
                        context.registry());
            }
            case EVALUATION -> throw new IllegalArgumentException("evaluate cannot start from an EVALUATION artifact");
        };
    }

    private static String method(EvaluateConfig config, Artifact input) {
        return switch (input.kind()) {
            case LEARNER -> "learner " + input.provenance().detail("learner") + " adapter";
            case NONE -> "fine-tune from scratch (" + config.steps() + " steps)";
            default -> config.adapter() == EvaluateConfig.Adapter.PROTOTYPES ? "prototypes on pretrained features"
                    : EnumNames.of(config.mode()) + " fine-tune (" + config.steps() + " steps, l2sp " + config.l2sp()
                    + ")";
        };
    }
}

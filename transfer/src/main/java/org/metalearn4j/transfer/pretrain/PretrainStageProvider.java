package org.metalearn4j.transfer.pretrain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.metalearn4j.core.nn.BackboneSpec;
import org.metalearn4j.core.optim.OptimizerSetup;
import org.metalearn4j.core.optim.OptimizerSpec;
import org.metalearn4j.core.pipeline.Artifact;
import org.metalearn4j.core.pipeline.ArtifactKind;
import org.metalearn4j.core.pipeline.PipelineStage;
import org.metalearn4j.core.pipeline.StageProvider;
import org.metalearn4j.core.task.Seeds;
import org.metalearn4j.core.train.MiniBatchLoop;
import org.metalearn4j.transfer.data.TrainingData;
import org.metalearn4j.transfer.model.BackboneProvenance;
import org.metalearn4j.transfer.model.Classifier;

/**
 * The {@code pretrain} stage: supervised training of a backbone with a linear head over all source classes; the head
 * is dropped and the backbone (parameters and batch-norm statistics) is the output.
 */
public final class PretrainStageProvider implements StageProvider<PretrainConfig> {
    @Override
    public String name() {
        return "pretrain";
    }

    @Override
    public String description() {
        return "supervised pretraining of a conv4/mlp backbone on the source classes";
    }

    @Override
    public Class<PretrainConfig> configType() {
        return PretrainConfig.class;
    }

    @Override
    public PretrainConfig defaults() {
        return new PretrainConfig("omniglot-small", "meta-train", List.of(), 0, BackboneSpec.conv4(64), 2000, 64, 1e-3,
                OptimizerSpec.adam());
    }

    /** Trains and evaluates only through core's loops, which a dry run shortens. */
    @Override
    public boolean dryRunnable() {
        return true;
    }

    @Override
    public PipelineStage create(PretrainConfig config) {
        BackboneSpec spec = config.backbone();
        return PipelineStage.of(Set.of(ArtifactKind.NONE), ArtifactKind.BACKBONE, (input, context) -> {
            TrainingData data = TrainingData.load(context, config.dataset(), config.split(),
                    config.classes(), config.maxPerClass(), Seeds.derive(context.seed(), 0));
            Classifier model = new Classifier(spec, data.inputShape(), data.classes(),
                    Seeds.derive(context.seed(), 1), context.registry());
            MiniBatchLoop.Result r = model.train(data.examples(), null, config.iterations(), config.batchSize(),
                    config.optimizer().create(context.registry(), OptimizerSetup.of(config.lr())), null,
                    Seeds.derive(context.seed(), 2), context.progress());
            Map<String, Double> metrics = new LinkedHashMap<>();
            metrics.put("train.loss", r.loss());
            metrics.put("train.accuracy", r.accuracy());
            metrics.put("classes", (double) data.classes());
            Map<String, String> provenance = new LinkedHashMap<>(BackboneProvenance.of(spec, context.registry()));
            provenance.put("dataset", config.dataset() + "/" + config.split());
            return new Artifact(ArtifactKind.BACKBONE, model.backboneState(), metrics,
                    context.provenance(provenance));
        });
    }
}

package org.metalearn4j.transfer.finetune;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.metalearn4j.core.nn.BackboneSpec;
import org.metalearn4j.core.pipeline.Artifact;
import org.metalearn4j.core.pipeline.ArtifactKind;
import org.metalearn4j.core.pipeline.PipelineStage;
import org.metalearn4j.core.pipeline.StageContext;
import org.metalearn4j.core.state.StateDict;
import org.metalearn4j.core.task.Seeds;
import org.metalearn4j.core.train.MiniBatchLoop;
import org.metalearn4j.transfer.data.TrainingData;
import org.metalearn4j.transfer.model.BackboneProvenance;
import org.metalearn4j.transfer.model.Classifier;
import org.metalearn4j.transfer.model.FrozenFlags;
import org.metalearn4j.transfer.model.ModelAccuracy;

/**
 * Fine-tunes a classifier on target classes, starting from nothing, a BACKBONE (with a new head) or a MODEL (keeping
 * or replacing its head). Parameters flagged frozen in an incoming MODEL stay frozen; the output MODEL records the
 * flags of every parameter.
 */
final class FinetuneStage implements PipelineStage {
    private final FinetuneConfig config;

    FinetuneStage(FinetuneConfig config) {
        this.config = config;
    }

    @Override
    public Set<ArtifactKind> accepts() {
        return Set.of(ArtifactKind.NONE, ArtifactKind.BACKBONE, ArtifactKind.MODEL);
    }

    @Override
    public ArtifactKind produces() {
        return ArtifactKind.MODEL;
    }

    @Override
    public Artifact run(Artifact input, StageContext context) {
        TrainingData data = TrainingData.load(context, config.dataset(), config.split(), config.classes(),
                config.maxPerClass(), Seeds.derive(context.seed(), 0));
        BackboneSpec spec = input.kind() == ArtifactKind.NONE ? config.backbone()
                : BackboneProvenance.read(input.provenance().details());
        Classifier model = new Classifier(spec, data.inputShape(), data.classes(), Seeds.derive(context.seed(), 1),
                context.registry());
        Set<String> inherited = new LinkedHashSet<>();
        if (input.kind() == ArtifactKind.BACKBONE) {
            model.loadBackbone(input.state());
        } else if (input.kind() == ArtifactKind.MODEL) {
            inherited.addAll(FrozenFlags.read(input.state()));
            if (config.newHead()) {
                model.loadBackbone(input.state().withPrefix(Classifier.BACKBONE));
                inherited.removeIf(n -> n.startsWith(Classifier.HEAD));
            } else {
                model.load(input.state());
            }
        }
        FinetunePlan plan = config.plan();
        Set<String> frozen = plan.frozen(model, inherited);
        StateDict start = model.state();
        MiniBatchLoop.Result r = model.train(data.examples(), null, config.iterations(), config.batchSize(),
                config.optimizer().create(context.registry(), plan.setup(frozen)), plan.regulariser(start, frozen),
                Seeds.derive(context.seed(), 2),
                context.progress());
        model.restoreStatistics(start, layer -> frozen.contains(layer + ".weight"));

        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("train.loss", r.loss());
        metrics.put("train.accuracy", r.accuracy());
        metrics.put("frozen.parameters", (double) frozen.size());
        if (config.testSplit() != null) {
            TrainingData test = TrainingData.load(context, config.dataset(), config.testSplit(),
                    config.classes(), 0, Seeds.derive(context.seed(), 3));
            metrics.put("test.accuracy", ModelAccuracy.of(model, test.examples()));
        }
        StateDict state = model.state();
        FrozenFlags.write(state, model.params().names(), frozen);
        Map<String, String> provenance = new LinkedHashMap<>(BackboneProvenance.of(spec, context.registry()));
        provenance.put("dataset", config.dataset() + "/" + config.split());
        provenance.put("classes", Integer.toString(data.classes()));
        return new Artifact(ArtifactKind.MODEL, state, metrics, context.provenance(provenance));
    }
}

package org.metalearn4j.transfer.instance;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.metalearn4j.core.nn.BackboneSpec;
import org.metalearn4j.core.optim.Adam;
import org.metalearn4j.core.optim.AdamConfig;
import org.metalearn4j.core.pipeline.Artifact;
import org.metalearn4j.core.pipeline.ArtifactKind;
import org.metalearn4j.core.pipeline.PipelineStage;
import org.metalearn4j.core.pipeline.StageContext;
import org.metalearn4j.core.pipeline.StageProvider;
import org.metalearn4j.core.state.StateDict;
import org.metalearn4j.core.task.Seeds;
import org.metalearn4j.core.train.MiniBatchLoop;
import org.metalearn4j.transfer.data.TrainingData;
import org.metalearn4j.transfer.model.BackboneProvenance;
import org.metalearn4j.transfer.model.Classifier;
import org.metalearn4j.transfer.model.FeatureExtractor;
import org.metalearn4j.transfer.model.FrozenFlags;
import org.metalearn4j.transfer.model.ModelAccuracy;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The {@code instance-transfer} stage: fits a logistic-regression domain classifier (source vs target inputs, on the
 * incoming backbone's features or pooled pixels), weights each source example by the estimated density ratio
 * ({@link DensityRatioWeights}) and trains a classifier on the source with those weights.
 */
public final class InstanceTransferStageProvider implements StageProvider<InstanceTransferConfig> {
    @Override
    public String name() {
        return "instance-transfer";
    }

    @Override
    public String description() {
        return "train on source examples reweighted by a domain classifier's density ratio p(target|x)/p(source|x)";
    }

    @Override
    public Class<InstanceTransferConfig> configType() {
        return InstanceTransferConfig.class;
    }

    @Override
    public InstanceTransferConfig defaults() {
        return new InstanceTransferConfig("fashion-mnist", "source-train", "target-train", null, List.of(), 500, 2,
                1e-2, 20, BackboneSpec.conv4(64), 1000, 64, 1e-3);
    }

    /** Trains and evaluates only through core's loops, which a dry run shortens. */
    @Override
    public boolean dryRunnable() {
        return true;
    }

    @Override
    public PipelineStage create(InstanceTransferConfig config) {
        return PipelineStage.of(Set.of(ArtifactKind.NONE, ArtifactKind.BACKBONE), ArtifactKind.MODEL,
                (input, context) -> train(config, input, context));
    }

    private static Artifact train(InstanceTransferConfig config, Artifact input, StageContext context) {
        TrainingData source = TrainingData.load(context, config.dataset(), config.sourceSplit(),
                config.classes(), config.maxPerClass(), Seeds.derive(context.seed(), 0));
        TrainingData target = TrainingData.load(context, config.dataset(), config.targetSplit(), List.of(),
                config.maxPerClass(), Seeds.derive(context.seed(), 1));
        BackboneSpec spec = input.kind() == ArtifactKind.BACKBONE
                ? BackboneProvenance.read(input.provenance().details()) : config.backbone();
        Classifier model = new Classifier(spec, source.inputShape(), source.classes(), Seeds.derive(context.seed(), 2),
                context.registry());
        if (input.kind() == ArtifactKind.BACKBONE) {
            model.loadBackbone(input.state());
        }
        UnaryOperator<INDArray> features = FeatureExtractor.of(input, source.inputShape(), config.pool(),
                context.registry());
        INDArray sourceFeatures = features.apply(source.examples().x());
        INDArray targetFeatures = features.apply(target.examples().x());
        INDArray w = DensityRatioWeights.compute(sourceFeatures, targetFeatures, config.l2(), config.maxWeight());
        MiniBatchLoop.Result r = model.train(source.examples(), w.toDoubleVector(), config.iterations(),
                config.batchSize(), new Adam(AdamConfig.of(config.lr())), null, Seeds.derive(context.seed(), 3),
                context.progress());
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("train.loss", r.loss());
        metrics.put("weights.max", w.maxNumber().doubleValue());
        // Effective sample size (sum w)^2 / sum w^2: how many source examples the weighting effectively keeps.
        metrics.put("weights.effectiveSize",
                Math.pow(w.sumNumber().doubleValue(), 2) / w.mul(w).sumNumber().doubleValue());
        if (config.testSplit() != null) {
            TrainingData test = TrainingData.load(context, config.dataset(), config.testSplit(),
                    config.classes(), 0, Seeds.derive(context.seed(), 4));
            metrics.put("test.accuracy", ModelAccuracy.of(model, test.examples()));
        }
        StateDict state = model.state();
        FrozenFlags.write(state, model.params().names(), Set.of());
        Map<String, String> provenance = new LinkedHashMap<>(BackboneProvenance.of(spec, context.registry()));
        provenance.put("classes", Integer.toString(source.classes()));
        return new Artifact(ArtifactKind.MODEL, state, metrics, context.provenance(provenance));
    }
}

package org.metalearn4j.transfer.multitask;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.metalearn4j.core.nn.BackboneSpec;
import org.metalearn4j.core.nn.Losses;
import org.metalearn4j.core.optim.Adam;
import org.metalearn4j.core.optim.AdamConfig;
import org.metalearn4j.core.pipeline.Artifact;
import org.metalearn4j.core.pipeline.ArtifactKind;
import org.metalearn4j.core.pipeline.PipelineStage;
import org.metalearn4j.core.pipeline.StageContext;
import org.metalearn4j.core.pipeline.StageProvider;
import org.metalearn4j.core.task.Seeds;
import org.metalearn4j.core.tensor.Tensor;
import org.metalearn4j.core.train.MiniBatchLoop;
import org.metalearn4j.transfer.data.TrainingData;
import org.metalearn4j.transfer.model.BackboneProvenance;

/**
 * The {@code multitask} stage: trains a shared trunk with a head per task, one task's minibatch per step, and outputs
 * the trunk as a BACKBONE. With uncertainty weighting the step loss is {@code exp(-s_t) L_t + s_t}; the learned
 * {@code s_t} are reported as metrics.
 */
public final class MultitaskStageProvider implements StageProvider<MultitaskConfig> {
    @Override
    public String name() {
        return "multitask";
    }

    @Override
    public String description() {
        return "shared trunk, one head per task, uniform or uncertainty loss weighting";
    }

    @Override
    public Class<MultitaskConfig> configType() {
        return MultitaskConfig.class;
    }

    @Override
    public MultitaskConfig defaults() {
        return new MultitaskConfig(List.of(
                new MultitaskConfig.TaskData("fashion-mnist", "source-train", List.of()),
                new MultitaskConfig.TaskData("omniglot-small", "meta-train", List.of())),
                MultitaskConfig.Weighting.UNCERTAINTY, MultitaskConfig.Sampling.ROUND_ROBIN, 100,
                BackboneSpec.conv4(64), 2000, 64, 1e-3);
    }

    /** Trains and evaluates only through core's loops, which a dry run shortens. */
    @Override
    public boolean dryRunnable() {
        return true;
    }

    @Override
    public PipelineStage create(MultitaskConfig config) {
        return PipelineStage.of(Set.of(ArtifactKind.NONE), ArtifactKind.BACKBONE,
                (input, context) -> train(config, context));
    }

    private static Artifact train(MultitaskConfig config, StageContext context) {
        List<TrainingData> tasks = new ArrayList<>();
        for (int t = 0; t < config.tasks().size(); t++) {
            MultitaskConfig.TaskData d = config.tasks().get(t);
            tasks.add(TrainingData.load(context, d.dataset(), d.split(), d.classes(), config.maxPerClass(),
                    Seeds.derive(context.seed(), 0, t)));
        }
        BackboneSpec spec = config.backbone();
        MultiHeadNetwork net = new MultiHeadNetwork(spec, tasks.get(0).inputShape(),
                tasks.stream().map(TrainingData::classes).toList(), Seeds.derive(context.seed(), 1),
                context.registry());
        MiniBatchLoop.SourceOrder order = config.sampling() == MultitaskConfig.Sampling.ROUND_ROBIN
                ? MiniBatchLoop.SourceOrder.ROUND_ROBIN : MiniBatchLoop.SourceOrder.PROPORTIONAL;
        MiniBatchLoop loop = new MiniBatchLoop(tasks.stream().map(TrainingData::examples).toList(), null, order,
                config.batchSize(), Seeds.derive(context.seed(), 2));
        MiniBatchLoop.Result r = loop.run(config.iterations(), net.params(), new Adam(AdamConfig.of(config.lr())),
                (batch, it) -> {
                    Tensor logits = net.logits(batch.source(), batch.x(), Seeds.derive(context.seed(), 3, it));
                    Tensor loss = Losses.crossEntropy(logits, batch.labels());
                    if (config.weighting() == MultitaskConfig.Weighting.UNCERTAINTY) {
                        loss = UncertaintyWeighting.combine(List.of(loss), List.of(net.logVariance(batch.source())));
                    }
                    return new MiniBatchLoop.BatchLoss(loss, logits);
                }, context.progress());
        Map<String, Double> metrics = new LinkedHashMap<>();
        for (int t = 0; t < tasks.size(); t++) {
            metrics.put("task" + t + ".train.accuracy", r.sourceAccuracy()[t]);
            metrics.put("task" + t + ".logvar", net.logVariance(t).item());
        }
        return new Artifact(ArtifactKind.BACKBONE, net.trunkState(), metrics,
                context.provenance(BackboneProvenance.of(spec, context.registry())));
    }
}

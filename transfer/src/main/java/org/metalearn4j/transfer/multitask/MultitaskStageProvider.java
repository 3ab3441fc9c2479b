package org.metalearn4j.transfer.multitask;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.metalearn4j.core.nn.BackboneSpec;
import org.metalearn4j.core.nn.Losses;
import org.metalearn4j.core.optim.Adam;
import org.metalearn4j.core.optim.AdamConfig;
import org.metalearn4j.core.pipeline.Artifact;
import org.metalearn4j.core.pipeline.ArtifactKind;
import org.metalearn4j.core.pipeline.PipelineStage;
import org.metalearn4j.core.pipeline.StageContext;
import org.metalearn4j.core.pipeline.StageProgress;
import org.metalearn4j.core.pipeline.StageProvider;
import org.metalearn4j.core.task.Seeds;
import org.metalearn4j.core.tensor.Tensor;
import org.metalearn4j.transfer.data.Rows;
import org.metalearn4j.transfer.data.TrainingData;
import org.metalearn4j.transfer.model.BackboneProvenance;
import org.nd4j.linalg.api.buffer.DataType;

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

    @Override
    public PipelineStage create(MultitaskConfig config) {
        return PipelineStage.of(Set.of(ArtifactKind.NONE), ArtifactKind.BACKBONE,
                (input, context) -> train(config, context));
    }

    private static Artifact train(MultitaskConfig config, StageContext context) {
        List<TrainingData> tasks = new ArrayList<>();
        for (int t = 0; t < config.tasks().size(); t++) {
            MultitaskConfig.TaskData d = config.tasks().get(t);
            tasks.add(TrainingData.load(context.registry(), d.dataset(), d.split(), d.classes(), config.maxPerClass(),
                    Seeds.derive(context.seed(), 0, t)));
        }
        BackboneSpec spec = config.backbone();
        MultiHeadNetwork net = new MultiHeadNetwork(spec, tasks.get(0).inputShape(),
                tasks.stream().map(TrainingData::classes).toList(), Seeds.derive(context.seed(), 1));
        Adam adam = new Adam(AdamConfig.of(config.lr()));
        Random rnd = new Random(Seeds.derive(context.seed(), 2));
        long total = tasks.stream().mapToLong(d -> d.examples().size()).sum();
        double[] accSum = new double[tasks.size()];
        int[] accCount = new int[tasks.size()];
        for (int it = 0; it < config.iterations(); it++) {
            int t = config.sampling() == MultitaskConfig.Sampling.ROUND_ROBIN ? it % tasks.size()
                    : proportional(tasks, total, rnd);
            TrainingData d = tasks.get(t);
            int[] rows = new int[config.batchSize()];
            for (int i = 0; i < rows.length; i++) {
                rows[i] = rnd.nextInt(d.examples().size());
            }
            int[] all = d.examples().y().castTo(DataType.INT).reshape(-1).toIntVector();
            int[] labels = new int[rows.length];
            for (int i = 0; i < rows.length; i++) {
                labels[i] = all[rows[i]];
            }
            Tensor logits = net.logits(t, Rows.gather(d.examples().x(), rows), Seeds.derive(context.seed(), 3, it));
            Tensor loss = Losses.crossEntropy(logits, labels);
            if (config.weighting() == MultitaskConfig.Weighting.UNCERTAINTY) {
                loss = UncertaintyWeighting.combine(List.of(loss), List.of(net.logVariance(t)));
            }
            if (it >= config.iterations() - 10 * tasks.size()) {
                accSum[t] += Losses.accuracy(logits, labels);
                accCount[t]++;
            }
            double stepLoss = context.progress() != StageProgress.NONE ? loss.item() : Double.NaN;
            adam.step(net.params(), net.params().grad(loss, false));
            if (context.progress() != StageProgress.NONE) {
                context.progress().report(it + 1, config.iterations(), Map.of("task", (double) t, "loss", stepLoss));
            }
        }
        Map<String, Double> metrics = new LinkedHashMap<>();
        for (int t = 0; t < tasks.size(); t++) {
            metrics.put("task" + t + ".train.accuracy", accCount[t] == 0 ? Double.NaN : accSum[t] / accCount[t]);
            metrics.put("task" + t + ".logvar", net.logVariance(t).item());
        }
        return new Artifact(ArtifactKind.BACKBONE, net.trunkState(), metrics, BackboneProvenance.of(spec));
    }

    private static int proportional(List<TrainingData> tasks, long total, Random rnd) {
        long r = (long) (rnd.nextDouble() * total);
        for (int t = 0; t < tasks.size(); t++) {
            r -= tasks.get(t).examples().size();
            if (r < 0) {
                return t;
            }
        }
        return tasks.size() - 1;
    }
}

package org.metalearn4j.transfer.distill;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import org.metalearn4j.core.tensor.Autograd;
import org.metalearn4j.core.tensor.Tensor;
import org.metalearn4j.core.train.MiniBatchLoop;
import org.metalearn4j.transfer.data.TrainingData;
import org.metalearn4j.transfer.model.BackboneProvenance;
import org.metalearn4j.transfer.model.Classifier;
import org.metalearn4j.transfer.model.FrozenFlags;
import org.metalearn4j.transfer.model.ModelAccuracy;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The {@code distill} stage: trains a fresh student (any architecture) to match an incoming teacher MODEL's softened
 * outputs on the target data ({@link DistillationLoss}); the student is the output MODEL.
 */
public final class DistillStageProvider implements StageProvider<DistillConfig> {
    @Override
    public String name() {
        return "distill";
    }

    @Override
    public String description() {
        return "distil the incoming teacher model into a new student: T^2 KL(teacher_T || student_T) + alpha CE";
    }

    @Override
    public Class<DistillConfig> configType() {
        return DistillConfig.class;
    }

    @Override
    public DistillConfig defaults() {
        return new DistillConfig("fashion-mnist", "target-train", "target-test", List.of(), 0, 4.0, 0.5,
                BackboneSpec.conv4(32), 1000, 64, 1e-3);
    }

    /** Trains and evaluates only through core's loops, which a dry run shortens. */
    @Override
    public boolean dryRunnable() {
        return true;
    }

    @Override
    public PipelineStage create(DistillConfig config) {
        return PipelineStage.of(Set.of(ArtifactKind.MODEL), ArtifactKind.MODEL,
                (input, context) -> distill(config, input, context));
    }

    private static Artifact distill(DistillConfig config, Artifact input, StageContext context) {
        TrainingData data = TrainingData.load(context, config.dataset(), config.split(), config.classes(),
                config.maxPerClass(), Seeds.derive(context.seed(), 0));
        Classifier teacher = new Classifier(BackboneProvenance.read(input.provenance().details()),
                data.inputShape(),
                data.classes(), 0, context.registry());
        teacher.load(input.state());
        BackboneSpec studentSpec = config.backbone();
        Classifier student = new Classifier(studentSpec, data.inputShape(), data.classes(),
                Seeds.derive(context.seed(), 1), context.registry());
        MiniBatchLoop loop = MiniBatchLoop.uniform(data.examples(), config.batchSize(),
                Seeds.derive(context.seed(), 2));
        MiniBatchLoop.Result r = loop.run(config.iterations(), student.params(), new Adam(AdamConfig.of(config.lr())),
                (batch, it) -> {
                    INDArray teacherLogits;
                    try (var ignored = Autograd.noGrad()) {
                        teacherLogits = teacher.logits(batch.x(), false, 0).value();
                    }
                    Tensor logits = student.logits(batch.x(), true, Seeds.derive(context.seed(), 3, it));
                    return new MiniBatchLoop.BatchLoss(DistillationLoss.of(logits, teacherLogits, batch.labels(),
                            config.temperature(), config.alpha()), logits);
                }, context.progress());
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("train.loss", r.loss());
        metrics.put("train.accuracy", r.accuracy());
        if (config.testSplit() != null) {
            TrainingData test = TrainingData.load(context, config.dataset(), config.testSplit(),
                    config.classes(), 0, Seeds.derive(context.seed(), 4));
            metrics.put("test.accuracy", ModelAccuracy.of(student, test.examples()));
            metrics.put("teacher.test.accuracy", ModelAccuracy.of(teacher, test.examples()));
        }
        StateDict state = student.state();
        FrozenFlags.write(state, student.params().names(), Set.of());
        Map<String, String> provenance = new LinkedHashMap<>(BackboneProvenance.of(studentSpec, context.registry()));
        provenance.put("classes", Integer.toString(data.classes()));
        provenance.put("teacher.backbone", input.provenance().detail("backbone"));
        return new Artifact(ArtifactKind.MODEL, state, metrics, context.provenance(provenance));
    }
}

package org.metalearn4j.transfer.zeroshot;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import org.metalearn4j.core.dataset.Dataset;
import org.metalearn4j.core.dataset.LabeledSet;
import org.metalearn4j.core.nn.Accuracy;
import org.metalearn4j.core.pipeline.Artifact;
import org.metalearn4j.core.pipeline.ArtifactKind;
import org.metalearn4j.core.pipeline.PipelineStage;
import org.metalearn4j.core.pipeline.StageContext;
import org.metalearn4j.core.state.StateDict;
import org.metalearn4j.core.task.Examples;
import org.metalearn4j.transfer.data.ClassSubset;
import org.metalearn4j.transfer.data.DatasetAccess;
import org.metalearn4j.transfer.model.FeatureExtractor;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Trains a zero-shot classifier on the seen classes of a labelled data set and classifies the examples of the
 * held-out classes among those classes only, reporting accuracy next to chance ({@code 1 / unseen classes}).
 * Features come from the incoming backbone (BACKBONE or MODEL) or, with no backbone, from pooled pixels.
 */
final class ZeroShotStage implements PipelineStage {
    private final ZeroShotConfig config;

    ZeroShotStage(ZeroShotConfig config) {
        this.config = config;
    }

    @Override
    public Set<ArtifactKind> accepts() {
        return Set.of(ArtifactKind.NONE, ArtifactKind.BACKBONE, ArtifactKind.MODEL);
    }

    @Override
    public ArtifactKind produces() {
        return ArtifactKind.EVALUATION;
    }

    @Override
    public Artifact run(Artifact input, StageContext context) {
        ClassAttributes table = ClassAttributes.load(config.attributes());
        Dataset data = DatasetAccess.open(context, config.dataset());
        LabeledSet train = data.labeled(config.trainSplit());
        LabeledSet test = data.labeled(config.testSplit());
        if (train.classes() != table.classNames().size()) {
            throw new IllegalArgumentException("attribute table " + config.attributes() + " describes "
                    + table.classNames().size() + " classes but " + config.dataset() + "/" + config.trainSplit()
                    + " has " + train.classes());
        }
        int[] unseen = config.unseen().stream().mapToInt(Integer::intValue).toArray();
        Set<Integer> held = Set.copyOf(config.unseen());
        int[] seen = IntStream.range(0, train.classes()).filter(c -> !held.contains(c)).toArray();
        Examples trainSet = ClassSubset.select(train.examples(), seen, config.maxPerClass(), context.seed());
        Examples testSet = ClassSubset.select(test.examples(), unseen, 0, context.seed());

        UnaryOperator<INDArray> features = FeatureExtractor.of(input, data.inputShape(), config.pool(),
                context.registry());
        INDArray trainFeatures = features.apply(trainSet.x());
        INDArray testFeatures = features.apply(testSet.x());
        ZeroShotModel model = config.method() == ZeroShotConfig.Method.ESZSL
                ? Eszsl.fit(trainFeatures, trainSet.y(), table.rows(seen), config.gamma(), config.lambda())
                : DirectAttributePrediction.fit(trainFeatures, trainSet.y(), table.rows(seen), config.l2());
        double accuracy = Accuracy.ofPredictions(model.predict(testFeatures, table.rows(unseen)).toIntVector(),
                testSet.y().toIntVector());

        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("accuracy", accuracy);
        metrics.put("chance", 1.0 / unseen.length);
        metrics.put("trainExamples", (double) trainSet.size());
        metrics.put("testExamples", (double) testSet.size());
        StateDict state = new StateDict();
        if (model instanceof Eszsl.Model m) {
            state.put("eszsl.V", m.v());
        }
        Map<String, String> provenance = Map.of(
                "dataset", config.dataset(),
                "unseen.classes", String.join(", ", config.unseen().stream().map(c -> table.classNames().get(c))
                        .toList()),
                "features", FeatureExtractor.describe(input, config.pool()));
        return new Artifact(ArtifactKind.EVALUATION, state, metrics, context.provenance(provenance));
    }

}

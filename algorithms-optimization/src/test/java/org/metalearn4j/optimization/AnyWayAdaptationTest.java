package org.metalearn4j.optimization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.metalearn4j.core.learner.Learner;
import org.metalearn4j.core.nn.BackboneSpec;
import org.metalearn4j.core.nn.Params;
import org.metalearn4j.core.state.StateDict;
import org.metalearn4j.core.task.Task;
import org.metalearn4j.core.task.TaskType;
import org.metalearn4j.core.tensor.Tensor;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Every member of the MAML family and Reptile, with every head, meta-trained on 3-way tasks and evaluated on episodes
 * of other numbers of ways; what each head starts from; and learned step sizes for heads of another size.
 */
class AnyWayAdaptationTest {
    private static final int TRAIN_WAYS = 3;

    private static MamlConfig maml(HeadInit head) {
        return new MamlConfig(MamlConfig.Order.SECOND, 1, 0.1, 2, BackboneSpec.mlp(6), head,
                MamlConfig.BatchStatistics.SEPARATE, MetaOptimizerConfig.defaults(), 0, 1);
    }

    private static ReptileConfig reptile(HeadInit head) {
        return new ReptileConfig(2, 0.1, 0.5, true, 2, BackboneSpec.mlp(6), head, 1);
    }

    static Stream<Arguments> learners() {
        List<Arguments> out = new ArrayList<>();
        for (HeadInit head : HeadInit.values()) {
            for (GradientMetaLearner.Variant variant : GradientMetaLearner.Variant.values()) {
                out.add(Arguments.of(variant + " " + head, (LearnerFactory) () -> GradientMetaLearner.create(
                        maml(head), ClassificationTasks.context(1, TRAIN_WAYS), variant, DataType.FLOAT)));
            }
            out.add(Arguments.of("REPTILE " + head, (LearnerFactory) () -> ReptileLearner.create(reptile(head),
                    ClassificationTasks.context(1, TRAIN_WAYS), DataType.FLOAT)));
        }
        return out.stream();
    }

    interface LearnerFactory {
        Learner create();
    }

    private static List<Task> batch(long iteration) {
        return List.of(ClassificationTasks.task(100 + iteration, TRAIN_WAYS, 1, 2),
                ClassificationTasks.task(200 + iteration, TRAIN_WAYS, 1, 2));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("learners")
    void aLearnerTrainedThreeWayAdaptsToTwoFiveAndTwentyWays(String name, LearnerFactory factory) throws IOException {
        Learner learner = factory.create();
        learner.step(batch(0));
        learner.step(batch(1));
        byte[] before = AdapterTest.bytes(learner.state());
        for (int ways : new int[] {2, TRAIN_WAYS, 5, 20}) {
            Task episode = ClassificationTasks.task(ways, ways, 1, 2);
            INDArray logits = learner.adapter().adapt(episode.support(), TaskType.CLASSIFICATION, ways)
                    .predict(episode.query().x());
            assertThat(logits.shape()).as("%d ways", ways).containsExactly(2L * ways, ways);
            assertThat(logits.isInfinite().any() || logits.isNaN().any()).isFalse();
        }
        assertThat(AdapterTest.bytes(learner.state())).as("adapting must not touch the learner").isEqualTo(before);
    }

    @Test
    void aMetaLearnedHeadIsUsedAsItIsAtItsOwnWidthAndAsItsMeanRowAtAnother() {
        GradientMetaLearner learner = GradientMetaLearner.create(maml(HeadInit.LEARNED),
                ClassificationTasks.context(2, TRAIN_WAYS), GradientMetaLearner.Variant.MAML, DataType.DOUBLE);
        Map<String, Tensor> meta = new LinkedHashMap<>();
        learner.state().withPrefix("params.").asMap().forEach((n, v) -> meta.put(n, Tensor.variable(v)));
        Params weights = Params.of(meta);
        Task three = ClassificationTasks.task(5, TRAIN_WAYS, 1, 1);
        EpisodeHead same = EpisodeHead.start(HeadInit.LEARNED, weights, three.support(), TaskType.CLASSIFICATION,
                TRAIN_WAYS, 6, () -> null, EpisodeHead.Use.META_GRADIENT);
        assertThat(same.params()).as("the default path adapts the meta-parameters themselves").isSameAs(weights);
        assertThat(same.leaves()).isEmpty();

        Task five = ClassificationTasks.task(6, 5, 1, 1);
        EpisodeHead wider = EpisodeHead.start(HeadInit.LEARNED, weights, five.support(), TaskType.CLASSIFICATION, 5,
                6, () -> null, EpisodeHead.Use.EVALUATION);
        INDArray learned = weights.get("head.weight").value();
        INDArray rows = wider.params().get("head.weight").value();
        assertThat(rows.shape()).containsExactly(5, 6);
        for (int k = 0; k < 5; k++) {
            assertThat(rows.getRow(k)).isEqualTo(learned.mean(0));
        }
        assertThat(wider.params().get("head.bias").value().getDouble(4))
                .isEqualTo(weights.get("head.bias").value().meanNumber().doubleValue());
        assertThat(wider.params().get("backbone.0.weight")).isSameAs(weights.get("backbone.0.weight"));

        assertThatThrownBy(() -> EpisodeHead.start(HeadInit.LEARNED, weights, five.support(),
                TaskType.CLASSIFICATION, 5, 6, () -> null, EpisodeHead.Use.META_GRADIENT))
                .hasMessageContaining("episode has 5 ways but the meta-learned head has 3 outputs")
                .hasMessageContaining("head: zero or prototypes");
        assertThatThrownBy(() -> learner.step(List.of(five))).hasMessageContaining("episode has 5 ways");
    }

    @Test
    void prototypeHeadsStartAsAPrototypicalNetworkAndZeroHeadsAtZero() {
        Task task = ClassificationTasks.task(9, 4, 2, 1);
        Params weights = Params.of(Map.of("backbone.0.weight", Tensor.variable(Nd4j.eye(4).castTo(DataType.DOUBLE))));
        INDArray features = task.support().x();
        EpisodeHead proto = EpisodeHead.start(HeadInit.PROTOTYPES, weights, task.support(), TaskType.CLASSIFICATION,
                4, 4, () -> Tensor.constant(features), EpisodeHead.Use.EVALUATION);
        for (int k = 0; k < 4; k++) {
            INDArray c = features.getRows(2 * k, 2 * k + 1).mean(0);
            assertThat(proto.params().get("head.weight").value().getRow(k)).isEqualTo(c.mul(2));
            assertThat(proto.params().get("head.bias").value().getDouble(k))
                    .isCloseTo(-c.mul(c).sumNumber().doubleValue(), within(1e-12));
        }
        EpisodeHead zero = EpisodeHead.start(HeadInit.ZERO, weights, task.support(), TaskType.CLASSIFICATION, 4, 7,
                () -> null, EpisodeHead.Use.EVALUATION);
        assertThat(zero.params().get("head.weight").value()).isEqualTo(Nd4j.zeros(DataType.DOUBLE, 4, 7));
        assertThat(zero.leaves()).allMatch(Tensor::requiresGrad);
    }

    @Test
    void learnedStepSizesOfAPerEpisodeHeadAreOneRowSharedByEveryClass() {
        GradientMetaLearner zero = GradientMetaLearner.create(maml(HeadInit.ZERO),
                ClassificationTasks.context(2, TRAIN_WAYS), GradientMetaLearner.Variant.META_SGD, DataType.FLOAT);
        StateDict params = zero.state().withPrefix("params.");
        assertThat(params.get("alpha.head.weight").shape()).containsExactly(1, 6);
        assertThat(params.get("alpha.head.bias").shape()).containsExactly(1);
        assertThat(params.names()).doesNotContain("head.weight", "head.bias");

    }

    @Test
    void reptileWithAPerTaskHeadMovesOnlyTheBackbone() {
        ReptileLearner learner = ReptileLearner.create(reptile(HeadInit.PROTOTYPES),
                ClassificationTasks.context(4, TRAIN_WAYS), DataType.DOUBLE);
        StateDict before = learner.state().withPrefix("params.");
        assertThat(before.names()).containsExactly("backbone.0.weight", "backbone.0.bias");
        learner.step(batch(0));
        StateDict after = learner.state().withPrefix("params.");
        assertThat(after.names()).isEqualTo(before.names());
        assertThat(after.get("backbone.0.weight")).isNotEqualTo(before.get("backbone.0.weight"));
    }

    @Test
    void perEpisodeHeadsNeedClassificationTasks() {
        assertThatThrownBy(() -> GradientMetaLearner.create(maml(HeadInit.PROTOTYPES), SinusoidTasks.context(1),
                GradientMetaLearner.Variant.MAML, DataType.FLOAT)).hasMessageStartingWith("head: zero and prototypes")
                .hasMessageContaining("REGRESSION");
        assertThatThrownBy(() -> ReptileLearner.create(reptile(HeadInit.ZERO), SinusoidTasks.context(1),
                DataType.FLOAT)).hasMessageStartingWith("head: zero and prototypes");
    }
}

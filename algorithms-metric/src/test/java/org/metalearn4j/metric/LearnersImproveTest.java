package org.metalearn4j.metric;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.metalearn4j.core.learner.Learner;
import org.metalearn4j.core.learner.LearnerContext;
import org.metalearn4j.core.learner.LearnerProvider;
import org.metalearn4j.core.nn.BackboneSpec;
import org.metalearn4j.core.nn.metric.Distance;
import org.metalearn4j.core.optim.LrSchedule;
import org.metalearn4j.core.optim.OptimizerConfig;
import org.metalearn4j.core.task.Seeds;
import org.metalearn4j.core.task.TaskSource;
import org.metalearn4j.core.task.TaskType;
import org.metalearn4j.core.train.Evaluator;
import org.metalearn4j.metric.providers.MatchingNetConfig;
import org.metalearn4j.metric.providers.ProtoNetConfig;
import org.metalearn4j.metric.providers.RelationNetConfig;
import org.metalearn4j.metric.providers.SiameseConfig;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Every provider, found by name through {@link ServiceLoader} as the CLI finds it, learns a metric on Gaussian blobs
 * whose class centres differ only in 4 of 16 coordinates while the other 12 carry strong noise: nearest-neighbour
 * rules on the raw input are poor, a trained embedding that suppresses the noise is good. Accuracy is measured on 40
 * fixed 5-way 1-shot episodes before and after 80 training episodes. Seeded results on 2026-11-23 with the 32-32 mlp
 * embedding (ReLU after the first layer only, as metric learners build it): 0.20-0.28 before, 0.81-0.84 after for
 * ProtoNet, Matching and Siamese, 0.59 for Relation (its relation module learns more slowly); the threshold (at least
 * 0.5 and 0.3 above the untrained learner) leaves room for thread-count-dependent rounding.
 */
class LearnersImproveTest {
    private static final int DIM = 16;
    private static final TaskSource TRAIN = SyntheticEpisodes.blobs(5, 1, 5, DIM, 4, 3.0, DataType.FLOAT);
    private static final TaskSource TEST = SyntheticEpisodes.blobs(5, 1, 5, DIM, 4, 3.0, DataType.FLOAT);
    private static final BackboneSpec MLP = BackboneSpec.mlp(32, 32);
    private static final OptimizerConfig ADAM = new OptimizerConfig(5e-3, 0, LrSchedule.constant());

    @Test
    void protonet() {
        assertLearns("protonet", new ProtoNetConfig(MLP, Distance.SQUARED_EUCLIDEAN, 10, ADAM));
    }

    @Test
    void protonetCosine() {
        assertLearns("protonet", new ProtoNetConfig(MLP, Distance.COSINE, 10, ADAM));
    }

    @Test
    void matchingnet() {
        assertLearns("matchingnet", new MatchingNetConfig(MLP, 10, false, 1, ADAM));
    }

    @Test
    void relationnet() {
        assertLearns("relationnet", new RelationNetConfig(MLP, 16, ADAM));
    }

    @Test
    void siamese() {
        assertLearns("siamese", new SiameseConfig(MLP, ADAM));
    }

    private static <C extends Record> void assertLearns(String name, C config) {
        Learner learner = create(name, config);
        double before = Evaluator.evaluate(learner.adapter(), TEST, 40, 77).value();
        for (int i = 0; i < 80; i++) {
            learner.step(List.of(TRAIN.sample(Seeds.derive(5, i))));
        }
        double after = Evaluator.evaluate(learner.adapter(), TEST, 40, 77).value();
        System.out.printf("%s %s: accuracy %.3f -> %.3f%n", name, config, before, after);
        assertThat(after).as(name + " accuracy after training (before: " + before + ")")
                .isGreaterThan(before + 0.3).isGreaterThan(0.5);
    }

    @SuppressWarnings("unchecked")
    static <C extends Record> Learner create(String name, C config) {
        LearnerProvider<C> provider = ServiceLoader.load(LearnerProvider.class).stream()
                .map(p -> (LearnerProvider<C>) p.get()).filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no learner provider '" + name + "' registered"));
        return provider.create(config, new LearnerContext(new long[] {DIM}, TaskType.CLASSIFICATION, 5, 5, 42,
                Optional.empty()));
    }
}

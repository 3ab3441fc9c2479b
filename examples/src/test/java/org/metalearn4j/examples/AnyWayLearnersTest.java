package org.metalearn4j.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.metalearn4j.core.dataset.Dataset;
import org.metalearn4j.core.learner.Learner;
import org.metalearn4j.core.learner.LearnerProvider;
import org.metalearn4j.core.task.EpisodeSpec;
import org.metalearn4j.core.task.Task;
import org.metalearn4j.core.task.TaskType;
import org.metalearn4j.optimization.rl.MetaRlConfig;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Every classification learner on the class path, trained on 3-way omniglot-small episodes, adapts to 5-way and
 * 20-way meta-test episodes: {@code metalearn eval --way N} and the within-alphabet set work whatever way a run was
 * trained on. Only {@code mann} refuses another number of ways, clearly: its label input and output are one-hot over
 * the episode's classes (Santoro et al.).
 */
class AnyWayLearnersTest {
    private static final String NARROW = "{\"backbone\":{\"type\":\"conv4\",\"channels\":4}}";
    private static final String MANN = "mann";
    /** The generator conditions on up to maxShots support images, so it trains on episodes with at least as many. */
    private static final String NARROW_ONE_SHOT_GENERATOR = "{\"backbone\":{\"type\":\"conv4\",\"channels\":4},"
            + "\"maxShots\":1}";

    /** The classification learners: reinforcement learners ({@link MetaRlConfig}) act in environments instead. */
    static Stream<String> learners() {
        return ServiceLoader.load(LearnerProvider.class).stream().map(ServiceLoader.Provider::get)
                .filter(p -> p.configType() != MetaRlConfig.class && p.taskTypes().contains(TaskType.CLASSIFICATION))
                .map(LearnerProvider::name).filter(name -> !name.startsWith("test-") && !name.equals(MANN))
                .sorted();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("learners")
    void aLearnerTrainedThreeWayScoresFiveAndTwentyWayEpisodes(String name) {
        Dataset data = Components.dataset("omniglot-small", "");
        EpisodeSpec training = new EpisodeSpec(3, 1, 1);
        Learner learner = Components.learner(name, name.equals("neural-statistician") ? NARROW_ONE_SHOT_GENERATOR
                : NARROW, Components.context(data,
                data.episodes("meta-train", training), 3, 1));
        learner.step(List.of(data.episodes("meta-train", training).sample(1)));
        for (int way : new int[] {5, 20}) {
            Task episode = data.episodes("meta-test", new EpisodeSpec(way, 1, 1)).sample(way);
            INDArray logits = learner.adapter().adapt(episode.support(), episode.type(), way)
                    .predict(episode.query().x());
            assertThat(logits.shape()).as("%s at %d ways", name, way).containsExactly(way, way);
        }
    }

    @Test
    void everyBuiltInLearnerIsCovered() {
        assertThat(learners().toList()).contains("maml", "fomaml", "anil", "metasgd", "reptile", "protonet",
                "matchingnet", "relationnet", "siamese", "weightgen", "metagan", "neural-statistician", "bmaml",
                "ensemble-maml", "lstm-meta-learner", "task-conditioned");
    }

    @Test
    void mannRefusesOtherWaysByName() {
        Dataset data = Components.dataset("omniglot-small", "");
        EpisodeSpec training = new EpisodeSpec(3, 1, 1);
        Learner learner = Components.learner(MANN, "{\"controllerSize\":8,\"memorySlots\":4,\"memoryWidth\":4}",
                Components.context(data, data.episodes("meta-train", training), 3, 1));
        Task episode = data.episodes("meta-test", new EpisodeSpec(5, 1, 1)).sample(5);
        assertThatThrownBy(() -> learner.adapter().adapt(episode.support(), episode.type(), 5))
                .hasMessageContaining("mann classifies 3-way episodes");
    }
}

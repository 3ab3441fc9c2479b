package org.metalearn4j.optimization;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.metalearn4j.core.learner.LearnerContext;
import org.metalearn4j.core.learner.Predictor;
import org.metalearn4j.core.nn.BackboneSpec;
import org.metalearn4j.core.task.Examples;
import org.metalearn4j.core.task.Task;
import org.metalearn4j.core.task.TaskType;
import org.metalearn4j.core.testing.GradCheck;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * {@code evalBatchStatistics: episode}: support set and queries go through the network together, so only batch norm
 * can tell it from the default; the loss and the answers stay the support's and the queries' own.
 */
class EpisodeStatisticsTest {
    private static MamlConfig config(BackboneSpec backbone, MamlConfig.BatchStatistics statistics) {
        return new MamlConfig(MamlConfig.Order.SECOND, 1, 0.1, 3, backbone, HeadInit.PROTOTYPES, statistics,
                MetaOptimizerConfig.defaults(), 0, 1);
    }

    @Test
    void withoutBatchNormTheEpisodesStatisticsChangeNothing() {
        Task task = ClassificationTasks.task(3, 4, 2, 3);
        INDArray separate = predict(GradientMetaLearner.create(config(BackboneSpec.mlp(6),
                MamlConfig.BatchStatistics.SEPARATE), ClassificationTasks.context(1, 4),
                GradientMetaLearner.Variant.MAML, DataType.DOUBLE), task.support(), 4).predict(task.query().x());
        INDArray episode = predict(GradientMetaLearner.create(config(BackboneSpec.mlp(6),
                MamlConfig.BatchStatistics.EPISODE), ClassificationTasks.context(1, 4),
                GradientMetaLearner.Variant.MAML, DataType.DOUBLE), task.support(), 4).predict(task.query().x());
        assertThat(episode.shape()).containsExactly(12, 4);
        assertThat(GradCheck.maxRelativeError(episode, separate)).isLessThan(1e-12);
    }

    @Test
    void withBatchNormTheQueriesShapeTheStatisticsOfAdaptingAndPredicting() {
        LearnerContext images = new LearnerContext(new long[] {1, 16, 16}, TaskType.CLASSIFICATION, 3, 3, 2,
                Optional.empty());
        Examples support = new Examples(GradCheck.random(4, 3, 1, 16, 16), Nd4j.createFromArray(0L, 1L, 2L));
        INDArray queries = GradCheck.random(5, 6, 1, 16, 16);
        Predictor episode = predict(GradientMetaLearner.create(config(BackboneSpec.conv4(3),
                MamlConfig.BatchStatistics.EPISODE), images, GradientMetaLearner.Variant.ANIL, DataType.DOUBLE),
                support, 3);
        Predictor separate = predict(GradientMetaLearner.create(config(BackboneSpec.conv4(3),
                MamlConfig.BatchStatistics.SEPARATE), images, GradientMetaLearner.Variant.ANIL, DataType.DOUBLE),
                support, 3);
        INDArray a = episode.predict(queries);
        assertThat(a.shape()).containsExactly(6, 3);
        assertThat(episode.predict(queries)).as("a function of the episode").isEqualTo(a);
        assertThat(GradCheck.maxRelativeError(a, separate.predict(queries))).isGreaterThan(1e-6);
    }

    private static Predictor predict(GradientMetaLearner learner, Examples support, int ways) {
        return learner.adapter().adapt(support, TaskType.CLASSIFICATION, ways);
    }
}

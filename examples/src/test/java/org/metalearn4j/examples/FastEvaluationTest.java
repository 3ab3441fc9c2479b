package org.metalearn4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.metalearn4j.core.dataset.Dataset;
import org.metalearn4j.core.dataset.EpisodeIndices;
import org.metalearn4j.core.dataset.EpisodeSampler;
import org.metalearn4j.core.learner.Adapter;
import org.metalearn4j.core.learner.EmbeddingAdapter;
import org.metalearn4j.core.learner.EnsembleAdapter;
import org.metalearn4j.core.learner.IsolatedAdapter;
import org.metalearn4j.core.learner.Learner;
import org.metalearn4j.core.task.EpisodeSpec;
import org.metalearn4j.core.task.Examples;
import org.metalearn4j.core.task.Task;
import org.metalearn4j.core.task.Seeds;
import org.metalearn4j.core.task.TaskSource;
import org.metalearn4j.core.tensor.TaskPool;
import org.metalearn4j.core.train.EvalProgress;
import org.metalearn4j.core.train.EvalResult;
import org.metalearn4j.core.train.Evaluator;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The evaluation fast paths give exactly what the plain per-episode loop gives on real omniglot-small episodes: metric
 * learners and weight generation embed each meta-test image once, the MAML family runs episodes side by side in step
 * arenas. The plain loop is the same adapter with its capabilities stripped ({@code adapter::adapt}).
 */
class FastEvaluationTest {
    private static final String NARROW = "{\"backbone\":{\"type\":\"conv4\",\"channels\":8}}";
    private static final EpisodeSpec TRAINING = new EpisodeSpec(5, 1, 3);

    private static Learner trained(Dataset data, String name, String params, int steps) {
        TaskSource training = data.episodes("meta-train", TRAINING);
        Learner learner = Components.learner(name, params, Components.context(data, training, 5, 3));
        for (int i = 0; i < steps; i++) {
            learner.step(List.of(training.sample(i), training.sample(100 + i)));
        }
        return learner;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"protonet", "matchingnet", "relationnet", "siamese", "weightgen"})
    void embeddingLearnersEmbedEachImageOnceWithTheSameResult(String name) {
        Dataset data = Components.dataset("omniglot-small", "");
        Adapter adapter = trained(data, name, NARROW, 3).adapter();
        assertEmbedsOnceWithTheSameResult(adapter, data);
    }

    private static void assertEmbedsOnceWithTheSameResult(Adapter adapter, Dataset data) {
        assertThat(adapter).isInstanceOf(EmbeddingAdapter.class);
        TaskSource episodes = data.episodes("meta-test", new EpisodeSpec(5, 1, 5));

        Set<String> phases = new HashSet<>();
        EvalResult fast = Evaluator.evaluate(adapter, episodes, 40, 11, (phase, done, total) -> phases.add(phase));
        EvalResult plain = Evaluator.evaluate(adapter::adapt, episodes, 40, 11);

        assertThat(phases).as("took the embed-once path").contains(EvalProgress.EMBED);
        assertThat(fast).isEqualTo(plain);
    }

    /** An ensemble of embedding learners embeds too: each image once for all members, with the same result. */
    @Test
    void anEnsembleOfEmbeddingLearnersEmbedsEachImageOnceWithTheSameResult() {
        Dataset data = Components.dataset("omniglot-small", "");
        Adapter ensemble = EnsembleAdapter.of(List.of(trained(data, "protonet", NARROW, 3).adapter(),
                trained(data, "weightgen", "{\"backbone\":{\"type\":\"conv4\",\"channels\":4}}", 3).adapter()));
        assertEmbedsOnceWithTheSameResult(ensemble, data);
    }

    /**
     * MAML's fast path scores each episode on a worker with one OpenMP thread: bit for bit the plain loop run on one
     * OpenMP thread. The plain loop on the caller's two OpenMP threads sums a convolution's weight gradient in
     * another order; its fine-tuned logits then differ by float32 rounding amplified over the inner steps (bounded
     * here), which can flip an argmax only where two logits nearly tie (measured on a 2-core host: up to 6.0e-4 of the
     * largest logit after 3 steps at inner lr 0.4; the bound leaves room for hosts with more OpenMP threads).
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"maml", "anil"})
    void fineTuningLearnersRunEpisodesSideBySideWithTheSameResult(String name) {
        Dataset data = Components.dataset("omniglot-small", "");
        Adapter adapter = trained(data, name, "{\"backbone\":{\"type\":\"conv4\",\"channels\":8},\"innerLr\":0.4,"
                + "\"evalInnerSteps\":3}", 1).adapter();
        assertThat(adapter).isInstanceOf(IsolatedAdapter.class);
        TaskSource episodes = data.episodes("meta-test", new EpisodeSpec(5, 1, 5));

        EvalResult fast = Evaluator.evaluate(adapter, episodes, 12, 11);
        EvalResult plainOneThread = TaskPool.mapOnWorkers(1, 1, i -> Evaluator.evaluate(adapter::adapt, episodes, 12,
                11)).get(0);
        assertThat(fast).isEqualTo(plainOneThread);

        for (int i = 0; i < 4; i++) {
            Task task = episodes.sample(Seeds.derive(11, i));
            INDArray callers = adapter.adapt(task.support(), task.type(), 5).predict(task.query().x());
            INDArray worker = TaskPool.mapOnWorkers(1, 1, k -> adapter.adapt(task.support(), task.type(), 5)
                    .predict(task.query().x())).get(0);
            double scale = Math.max(1, callers.amaxNumber().doubleValue());
            assertThat(worker.sub(callers).amaxNumber().doubleValue() / scale).as("episode %d", i)
                    .isLessThan(5e-3);
        }
    }

    /**
     * The embedding contract, checked on the full-width Conv4 that the README's main job trains: a meta-test image's
     * embedding is the same bits whether it is embedded in an episode's query set or among 256 other images, and the
     * logits from stored embeddings equal the per-episode ones.
     */
    @Test
    void aFullWidthConv4EmbeddingDoesNotDependOnTheBatch() {
        Dataset data = Components.dataset("omniglot-small", "");
        EmbeddingAdapter adapter = (EmbeddingAdapter) trained(data, "protonet", "", 3).adapter();
        EpisodeSampler sampler = (EpisodeSampler) data.episodes("meta-test", new EpisodeSpec(20, 1, 15));
        EpisodeIndices rows = sampler.indices(5);
        Task task = sampler.sample(5);

        INDArray many = Nd4j.concat(0, task.query().x(), sampler.batch(rows.supportClass(), rows.supportIndex()));
        INDArray together = adapter.embed(many);
        INDArray queryAlone = adapter.embed(task.query().x());
        INDArray supportAlone = adapter.embed(task.support().x());
        long q = task.query().size();
        assertThat(together.get(NDArrayIndex.interval(0, q), NDArrayIndex.all())).isEqualTo(queryAlone);
        assertThat(together.get(NDArrayIndex.interval(q, together.size(0)), NDArrayIndex.all()))
                .isEqualTo(supportAlone);
        assertThat(adapter.embed(task.query().x().get(NDArrayIndex.interval(7, 8), NDArrayIndex.all(),
                NDArrayIndex.all(), NDArrayIndex.all()))).isEqualTo(queryAlone.get(NDArrayIndex.interval(7, 8),
                NDArrayIndex.all()));

        INDArray perEpisode = adapter.adapt(task.support(), task.type(), 20).predict(task.query().x());
        INDArray stored = adapter.onEmbeddings().adapt(new Examples(supportAlone, task.support().y()), task.type(), 20)
                .predict(together.get(NDArrayIndex.interval(0, q), NDArrayIndex.all()).dup());
        assertThat(stored).isEqualTo(perEpisode);
    }
}

package org.metalearn4j.core.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.metalearn4j.core.dataset.ClassStore;
import org.metalearn4j.core.dataset.EpisodeIndices;
import org.metalearn4j.core.dataset.EpisodeSampler;
import org.metalearn4j.core.learner.Adapter;
import org.metalearn4j.core.learner.EmbeddingAdapter;
import org.metalearn4j.core.learner.IsolatedAdapter;
import org.metalearn4j.core.learner.Predictor;
import org.metalearn4j.core.task.EpisodeSpec;
import org.metalearn4j.core.task.Examples;
import org.metalearn4j.core.task.Task;
import org.metalearn4j.core.task.TaskType;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The fast evaluation paths give the plain loop's numbers: each stored example embedded once and gathered by index,
 * and isolated episodes computed side by side. The toy adapters compute in float64 with per-row embeddings, so any
 * mix-up of rows, labels or episode order shows as a different value.
 */
class EpisodeScoresTest {
    private static final int CLASSES = 12;
    private static final int PER_CLASS = 7;

    private final ClassStore store = store();
    private final EpisodeSampler sampler = new EpisodeSampler(store, new EpisodeSpec(4, 2, 3), "toy/test");

    private static ClassStore store() {
        SplittableRandom random = new SplittableRandom(3);
        ClassStore.Builder builder = ClassStore.builder(1, 2, 2);
        for (int c = 0; c < CLASSES; c++) {
            List<float[]> examples = new ArrayList<>();
            for (int i = 0; i < PER_CLASS; i++) {
                float[] x = new float[4];
                for (int k = 0; k < 4; k++) {
                    x[k] = c + (float) random.nextDouble(-0.9, 0.9);
                }
                examples.add(x);
            }
            builder.addClass("class" + c, examples);
        }
        return builder.build();
    }

    /** Nearest class mean in a fixed nonlinear embedding of each example; counts the examples it embeds. */
    private static final class NearestMean implements EmbeddingAdapter {
        final AtomicInteger embedded = new AtomicInteger();

        @Override
        public INDArray embed(INDArray x) {
            embedded.addAndGet((int) x.size(0));
            INDArray flat = x.castTo(DataType.DOUBLE).reshape(x.size(0), 4);
            return Nd4j.concat(1, flat, flat.mul(flat).subi(flat.getColumn(0).reshape(x.size(0), 1)));
        }

        @Override
        public Adapter onEmbeddings() {
            return (support, type, ways) -> {
                INDArray means = Nd4j.zeros(DataType.DOUBLE, ways, support.x().size(1));
                int[] labels = support.y().castTo(DataType.INT).toIntVector();
                for (int r = 0; r < labels.length; r++) {
                    means.getRow(labels[r]).addi(support.x().getRow(r));
                }
                return q -> q.mmul(means.transpose()).muli(2).subi(Nd4j.ones(DataType.DOUBLE, q.size(0), 1)
                        .mmul(means.mul(means).sum(true, 1).transpose()));
            };
        }

        @Override
        public Predictor adapt(Examples support, TaskType type, int ways) {
            Predictor p = onEmbeddings().adapt(new Examples(embed(support.x()), support.y()), type, ways);
            return x -> p.predict(embed(x));
        }
    }

    @Test
    void indicesAreTheExamplesOfTheSampledEpisode() {
        Task task = sampler.sample(42);
        EpisodeIndices rows = sampler.indices(42);
        assertThat(sampler.batch(rows.supportClass(), rows.supportIndex())).isEqualTo(task.support().x());
        assertThat(sampler.batch(rows.queryClass(), rows.queryIndex())).isEqualTo(task.query().x());
        assertThat(task.support().y()).isSameAs(sampler.supportLabels());
    }

    @Test
    void embeddingOnceGivesThePlainLoopsResultAndEmbedsEachUsedExampleOnce() {
        NearestMean adapter = new NearestMean();
        Adapter plain = adapter::adapt;
        List<String> phases = new ArrayList<>();

        EvalResult fast = Evaluator.evaluate(adapter, sampler, 30, 9,
                (phase, done, total) -> phases.add(phase + " " + done + "/" + total));
        int embeddedOnce = adapter.embedded.get();
        EvalResult reference = Evaluator.evaluate(plain, sampler, 30, 9);

        assertThat(fast).isEqualTo(reference);
        assertThat(fast.value()).isBetween(0.3, 0.99);
        // 30 episodes of 20 examples draw from 84: each used example once, never more than the store holds
        assertThat(embeddedOnce).isLessThanOrEqualTo(CLASSES * PER_CLASS).isGreaterThan(20);
        assertThat(adapter.embedded.get() - embeddedOnce).isEqualTo(30 * 20);
        assertThat(phases.get(0)).isEqualTo("embed " + embeddedOnce + "/" + embeddedOnce);
        assertThat(phases.subList(1, phases.size())).hasSize(30).endsWith("episodes 30/30");
    }

    @Test
    void isolatedEpisodesOnTwoThreadsGiveThePlainLoopsResultInEpisodeOrder() {
        NearestMean nearest = new NearestMean();
        IsolatedAdapter isolated = nearest::adapt;
        Adapter plain = nearest::adapt;
        // a source that is not an EpisodeSampler: the per-episode path
        EvalResult reference = Evaluator.evaluate(plain, seed -> sampler.sample(seed), 37, 5);
        String previous = System.getProperty("metalearn4j.evalThreads");
        System.setProperty("metalearn4j.evalThreads", "2");
        try {
            List<Long> reported = new ArrayList<>();
            EvalResult parallel = Evaluator.evaluate(isolated, seed -> sampler.sample(seed), 37, 5,
                    (phase, done, total) -> reported.add(done));
            assertThat(parallel).isEqualTo(reference);
            assertThat(reported).isSorted().endsWith(37L);
        } finally {
            if (previous == null) {
                System.clearProperty("metalearn4j.evalThreads");
            } else {
                System.setProperty("metalearn4j.evalThreads", previous);
            }
        }
    }
}

package org.metalearn4j.core.train;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.metalearn4j.core.backend.StepArena;
import org.metalearn4j.core.dataset.ClassStore;
import org.metalearn4j.core.dataset.EpisodeIndices;
import org.metalearn4j.core.dataset.EpisodeSampler;
import org.metalearn4j.core.learner.Adapter;
import org.metalearn4j.core.learner.EmbeddingAdapter;
import org.metalearn4j.core.learner.IsolatedAdapter;
import org.metalearn4j.core.learner.Prediction;
import org.metalearn4j.core.learner.Predictor;
import org.metalearn4j.core.learner.ProbabilisticPredictor;
import org.metalearn4j.core.task.Examples;
import org.metalearn4j.core.task.Seeds;
import org.metalearn4j.core.task.Task;
import org.metalearn4j.core.task.TaskSource;
import org.metalearn4j.core.task.TaskType;
import org.metalearn4j.core.tensor.TaskPool;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The metric of each episode of a seeded evaluation, episode {@code i} being {@code source.sample(Seeds.derive(seed,
 * i))}, computed the fastest way the adapter and the source allow:
 * <ul>
 *   <li>an {@link EmbeddingAdapter} on an {@link EpisodeSampler}: the examples the episodes use are embedded once, in
 *   batches, and the episodes are drawn as indices and scored on the stored embeddings (the 1,000-episode ProtoNet
 *   evaluation embeds each image once instead of about 25 times);</li>
 *   <li>an {@link IsolatedAdapter}: episodes run side by side on {@code metalearn4j.evalThreads} threads (default:
 *   ND4J's thread count), each in its own step arena with one OpenMP thread: the same scores for any number of
 *   threads and cores, which the plain loop's multi-threaded kernels do not promise (a convolution's weight gradient
 *   sums its per-thread parts in another order, so a fine-tuned logit can differ in the last bits);</li>
 *   <li>any other adapter: one episode after another, as before.</li>
 * </ul>
 * Kept per episode so that two learners scored on the same episodes can be compared pair by pair
 * ({@link Evaluator#episodeScores}); {@link #summary} is what {@link Evaluator#evaluate} reports.
 */
public final class EpisodeScores {
    /** Examples embedded per call: large enough for full-width kernels, small enough for little memory. */
    private static final int EMBED_BATCH = 256;
    /** Stored embeddings beyond this size fall back to embedding per episode. */
    private static final long MAX_TABLE_BYTES = 1L << 30;
    /** Episodes handed to the threads between two progress reports, per thread. */
    private static final int EPISODES_PER_THREAD_AND_REPORT = 8;

    private final double[] values;
    private final double[] logLikelihoods;
    private final TaskType type;

    private EpisodeScores(double[] values, double[] logLikelihoods, TaskType type) {
        this.values = values;
        this.logLikelihoods = logLikelihoods;
        this.type = type;
    }

    /** The metric of each episode, in episode order (a copy). */
    public double[] values() {
        return values.clone();
    }

    /**
     * The query log-likelihood of each episode where the predictors gave a standard deviation
     * ({@link ProbabilisticPredictor}); empty where none did.
     */
    public Optional<double[]> logLikelihoods() {
        return Optional.ofNullable(logLikelihoods).map(double[]::clone);
    }

    /** The task type of the episodes (of the last one, should a source mix them). */
    public TaskType type() {
        return type;
    }

    /**
     * The mean and 95% CI of the metric ({@code accuracy} or {@code mse}) and, where there are log-likelihoods, of
     * the log-likelihood as the secondary {@value Evaluator#LOG_LIKELIHOOD}.
     */
    public EvalResult summary() {
        Map<String, EvalResult.Estimate> secondary = new LinkedHashMap<>();
        if (logLikelihoods != null) {
            EvalResult ll = EvalResult.of(Evaluator.LOG_LIKELIHOOD, logLikelihoods);
            secondary.put(Evaluator.LOG_LIKELIHOOD, new EvalResult.Estimate(ll.value(), ll.ci95()));
        }
        EvalResult m = EvalResult.of(Evaluator.metricName(type), values);
        return new EvalResult(m.metric(), m.value(), m.ci95(), values.length, secondary);
    }

    static EpisodeScores compute(Adapter adapter, TaskSource source, int episodes, long seed,
                                 EvalProgress progress) {
        if (adapter instanceof EmbeddingAdapter embedding && source instanceof EpisodeSampler sampler) {
            EpisodeScores scores = embedded(embedding, sampler, episodes, seed, progress);
            if (scores != null) {
                return scores;
            }
        }
        boolean isolated = adapter instanceof IsolatedAdapter;
        return perEpisode(adapter, source, episodes, seed, isolated ? threads() : 1, isolated, progress);
    }

    /** The threads for isolated episodes: {@code -Dmetalearn4j.evalThreads}, by default ND4J's thread count. */
    static int threads() {
        String configured = System.getProperty("metalearn4j.evalThreads");
        if (configured == null || configured.isBlank()) {
            return Math.max(1, Nd4j.getEnvironment().maxMasterThreads());
        }
        try {
            int threads = Integer.parseInt(configured.trim());
            if (threads >= 1) {
                return threads;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("-Dmetalearn4j.evalThreads: expected a whole number >= 1, got '"
                + configured + "'");
    }

    /**
     * Episodes sampled on this thread (a task source need not be thread-safe) and scored in episode order: when
     * {@code isolated}, on {@code threads} worker threads with one OpenMP thread each (so the scores do not depend on
     * {@code threads}), each episode in a step arena; otherwise one after another on this thread, as before.
     */
    private static EpisodeScores perEpisode(Adapter adapter, TaskSource source, int episodes, long seed, int threads,
                                            boolean isolated, EvalProgress progress) {
        double[] values = new double[episodes];
        double[] logLikelihoods = new double[episodes];
        int probabilistic = 0;
        TaskType[] types = new TaskType[episodes];
        int block = isolated ? threads * EPISODES_PER_THREAD_AND_REPORT : 1;
        for (int start = 0; start < episodes; start += block) {
            int from = start;
            Task[] tasks = new Task[Math.min(block, episodes - from)];
            for (int j = 0; j < tasks.length; j++) {
                tasks[j] = source.sample(Seeds.derive(seed, from + j));
            }
            List<Score> scored = isolated ? TaskPool.mapOnWorkers(threads, tasks.length, j -> {
                try (StepArena arena = StepArena.open()) {
                    return score(adapter, tasks[j], from + j, seed);
                }
            }) : List.of(score(adapter, tasks[0], from, seed));
            for (int j = 0; j < tasks.length; j++) {
                values[from + j] = scored.get(j).value();
                logLikelihoods[from + j] = scored.get(j).logLikelihood();
                probabilistic += scored.get(j).probabilistic() ? 1 : 0;
                types[from + j] = tasks[j].type();
            }
            progress.report(EvalProgress.EPISODES, from + tasks.length, episodes);
        }
        if (probabilistic > 0 && probabilistic != episodes) {
            throw new IllegalStateException("the adapter gave standard deviations for " + probabilistic + " of "
                    + episodes + " episodes; a learner's predictors must all be probabilistic or none");
        }
        return new EpisodeScores(values, probabilistic > 0 ? logLikelihoods : null, types[episodes - 1]);
    }

    /** One episode's metric, and its query log-likelihood where the predictor gave a standard deviation. */
    private record Score(double value, double logLikelihood, boolean probabilistic) {
    }

    private static Score score(Adapter adapter, Task task, int episode, long seed) {
        if (task.type() == TaskType.CONTROL) {
            throw new IllegalArgumentException(task.domain() + ": control tasks are scored by a learner that acts in"
                    + " their environment (a TaskScorer), not by an adapter's predictions");
        }
        Predictor predictor = adapter.adapt(task.support(), task.type(), task.ways(), task.descriptor());
        if (task.type() == TaskType.REGRESSION && predictor instanceof ProbabilisticPredictor p) {
            Prediction d = p.distribution(task.query().x());
            requireFinite(d.mean(), task, episode, seed);
            return new Score(Evaluator.score(task, d.mean()), Evaluator.logLikelihood(task, d), true);
        }
        INDArray output = predictor.predict(task.query().x());
        requireFinite(output, task, episode, seed);
        return new Score(Evaluator.score(task, output), Double.NaN, false);
    }

    private static void requireFinite(INDArray output, Task task, int episode, long seed) {
        if (!FiniteCheck.isFinite(output)) {
            throw new IllegalStateException("the adapter predicted NaN or Inf for episode " + episode + " of "
                    + task.domain() + " (seed " + seed + "): the model's parameters or its adaptation diverged");
        }
    }

    /**
     * Embeds every example the episodes use once, then scores each episode on its rows of the stored embeddings; null
     * when the stored embeddings would exceed {@link #MAX_TABLE_BYTES} (the caller then embeds per episode).
     */
    private static EpisodeScores embedded(EmbeddingAdapter adapter, EpisodeSampler sampler, int episodes, long seed,
                                          EvalProgress progress) {
        ClassStore store = sampler.store();
        int[] first = new int[store.classes() + 1];
        for (int c = 0; c < store.classes(); c++) {
            first[c + 1] = first[c] + store.count(c);
        }
        int[] row = new int[first[store.classes()]];
        Arrays.fill(row, -1);
        int[] usedClass = new int[row.length];
        int[] usedIndex = new int[row.length];
        int used = 0;
        EpisodeIndices[] drawn = new EpisodeIndices[episodes];
        for (int i = 0; i < episodes; i++) {
            drawn[i] = sampler.indices(Seeds.derive(seed, i));
            used = register(drawn[i].supportClass(), drawn[i].supportIndex(), first, row, usedClass, usedIndex, used);
            used = register(drawn[i].queryClass(), drawn[i].queryIndex(), first, row, usedClass, usedIndex, used);
        }
        INDArray table = embedAll(adapter, sampler, Arrays.copyOf(usedClass, used), Arrays.copyOf(usedIndex, used),
                progress);
        if (table == null) {
            return null;
        }
        Adapter onEmbeddings = adapter.onEmbeddings();
        double[] values = new double[episodes];
        for (int i = 0; i < episodes; i++) {
            try (StepArena arena = StepArena.open()) {
                Examples support = new Examples(rows(table, row, first, drawn[i].supportClass(),
                        drawn[i].supportIndex()), sampler.supportLabels());
                Examples query = new Examples(rows(table, row, first, drawn[i].queryClass(), drawn[i].queryIndex()),
                        sampler.queryLabels());
                values[i] = score(onEmbeddings, new Task(support, query, TaskType.CLASSIFICATION,
                        sampler.spec().way(), sampler.spec().shot(), sampler.domain()), i, seed).value();
            }
            progress.report(EvalProgress.EPISODES, i + 1, episodes);
        }
        return new EpisodeScores(values, null, TaskType.CLASSIFICATION);
    }

    /** Gives each example not seen before the next row of the stored embeddings; returns the rows in use. */
    private static int register(int[] classes, int[] indices, int[] first, int[] row, int[] usedClass,
                                int[] usedIndex, int used) {
        for (int r = 0; r < classes.length; r++) {
            int id = first[classes[r]] + indices[r];
            if (row[id] < 0) {
                row[id] = used;
                usedClass[used] = classes[r];
                usedIndex[used] = indices[r];
                used++;
            }
        }
        return used;
    }

    /** Row {@code k} of the result is the embedding of the k-th used example; null when too large to store. */
    private static INDArray embedAll(EmbeddingAdapter adapter, EpisodeSampler sampler, int[] classes, int[] indices,
                                     EvalProgress progress) {
        int n = classes.length;
        INDArray table = null;
        for (int start = 0; start < n; start += EMBED_BATCH) {
            int end = Math.min(n, start + EMBED_BATCH);
            try (StepArena arena = StepArena.open()) {
                INDArray e = adapter.embed(sampler.batch(Arrays.copyOfRange(classes, start, end),
                        Arrays.copyOfRange(indices, start, end)));
                if (e.rank() != 2 || e.size(0) != end - start) {
                    throw new IllegalStateException("embedding adapter returned shape " + Arrays.toString(e.shape())
                            + " for " + (end - start) + " examples; expected [examples, features]");
                }
                if (table == null) {
                    if ((long) n * e.size(1) * e.dataType().width() > MAX_TABLE_BYTES) {
                        return null;
                    }
                    table = StepArena.outside(() -> Nd4j.createUninitialized(e.dataType(), new long[] {n, e.size(1)},
                            'c'));
                }
                table.get(NDArrayIndex.interval(start, end), NDArrayIndex.all()).assign(e);
            }
            progress.report(EvalProgress.EMBED, end, n);
        }
        return table;
    }

    /** The stored embeddings of the given examples, in that order. */
    private static INDArray rows(INDArray table, int[] row, int[] first, int[] classes, int[] indices) {
        int[] rows = new int[classes.length];
        for (int r = 0; r < rows.length; r++) {
            rows[r] = row[first[classes[r]] + indices[r]];
        }
        return Nd4j.pullRows(table, 1, rows);
    }
}

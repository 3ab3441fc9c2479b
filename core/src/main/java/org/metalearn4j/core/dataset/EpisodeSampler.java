package org.metalearn4j.core.dataset;

import java.nio.FloatBuffer;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.metalearn4j.core.task.EpisodeSpec;
import org.metalearn4j.core.task.Examples;
import org.metalearn4j.core.task.Task;
import org.metalearn4j.core.task.TaskSource;
import org.metalearn4j.core.task.TaskType;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * N-way K-shot Q-query classification episodes from a {@link ClassStore}, optionally restricted to a subset of its
 * classes. Each episode is a pure function of its seed: a {@link SplittableRandom} seeded with it picks N distinct
 * classes and, per class, K+Q distinct examples; the i-th picked class gets label i (labels remapped to 0..N-1).
 *
 * <p>Support and query rows are grouped by class in label order ({@code K} rows of label 0, then label 1, ...); the
 * class order itself is random, so label positions carry no information. Support and query never share an example.
 * Because of that fixed layout the two label arrays are the same for every episode: they are created once and shared
 * by all episodes of this sampler, which relies on the {@link Examples} contract that consumers never write into task
 * data (it saves two native allocations per episode). Stateless apart from them, and thread-safe.
 */
public final class EpisodeSampler implements TaskSource {
    private final ClassStore store;
    private final int[] classes;
    private final EpisodeSpec spec;
    private final String domain;
    private final INDArray supportLabels;
    private final INDArray queryLabels;
    private final boolean cpuBackend;

    /** Episodes over every class of the store. */
    public EpisodeSampler(ClassStore store, EpisodeSpec spec, String domain) {
        this(store, IntStream.range(0, store.classes()).toArray(), spec, domain);
    }

    /**
     * Episodes over the listed classes of the store (a class filter).
     *
     * @throws DatasetException naming the domain when there are fewer than N classes, or naming the first class that
     *                          has fewer than K+Q examples
     */
    public EpisodeSampler(ClassStore store, int[] classes, EpisodeSpec spec, String domain) {
        this.store = store;
        this.classes = classes.clone();
        this.spec = spec;
        this.domain = domain;
        if (classes.length < spec.way()) {
            throw new DatasetException(domain + ": " + spec.way() + "-way episodes need at least " + spec.way()
                    + " classes, only " + classes.length + " available");
        }
        int needed = spec.shot() + spec.query();
        for (int c : this.classes) {
            if (c < 0 || c >= store.classes()) {
                throw new DatasetException(domain + ": class index " + c + " does not exist (0.."
                        + (store.classes() - 1) + ")");
            }
            if (store.count(c) < needed) {
                throw new DatasetException(domain + ": class '" + store.className(c) + "' has " + store.count(c)
                        + " examples, a " + spec.way() + "-way " + spec.shot() + "-shot " + spec.query()
                        + "-query episode needs " + needed + " per class");
            }
        }
        this.supportLabels = labels(spec.way(), spec.shot());
        this.queryLabels = labels(spec.way(), spec.query());
        this.cpuBackend = Nd4j.getEnvironment().isCPU();
    }

    /** {@code perClass} rows of label 0, then of label 1, ... as int64. */
    private static INDArray labels(int way, int perClass) {
        long[] labels = new long[way * perClass];
        for (int row = 0; row < labels.length; row++) {
            labels[row] = row / perClass;
        }
        return Nd4j.createFromArray(labels);
    }

    @Override
    public Task sample(long seed) {
        EpisodeIndices rows = indices(seed);
        Examples support = new Examples(batch(rows.supportClass(), rows.supportIndex()), supportLabels);
        Examples queries = new Examples(batch(rows.queryClass(), rows.queryIndex()), queryLabels);
        return new Task(support, queries, TaskType.CLASSIFICATION, spec.way(), spec.shot(), domain);
    }

    /**
     * The examples that {@link #sample} puts into the episode of {@code seed}, without copying any of them: the same
     * random draws, so {@code sample(seed)} is exactly these examples in these rows.
     */
    public EpisodeIndices indices(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int way = spec.way();
        int shot = spec.shot();
        int query = spec.query();
        int[] supportClass = new int[way * shot];
        int[] supportIndex = new int[way * shot];
        int[] queryClass = new int[way * query];
        int[] queryIndex = new int[way * query];
        int[] picked = pickDistinct(random, classes.length, way);
        int[] rows = new int[shot + query];
        for (int label = 0; label < way; label++) {
            int c = classes[picked[label]];
            pickDistinctInto(random, store.count(c), rows);
            for (int k = 0; k < shot; k++) {
                int row = label * shot + k;
                supportClass[row] = c;
                supportIndex[row] = rows[k];
            }
            for (int q = 0; q < query; q++) {
                int row = label * query + q;
                queryClass[row] = c;
                queryIndex[row] = rows[shot + q];
            }
        }
        return new EpisodeIndices(supportClass, supportIndex, queryClass, queryIndex);
    }

    /** The store the episodes are drawn from. */
    public ClassStore store() {
        return store;
    }

    /** The episode shape. */
    public EpisodeSpec spec() {
        return spec;
    }

    /** The episodes' domain, e.g. {@code omniglot-small/meta-test}. */
    public String domain() {
        return domain;
    }

    /** The support labels of every episode: {@code shot} rows of label 0, then of label 1, ... (shared, read-only). */
    public INDArray supportLabels() {
        return supportLabels;
    }

    /** The query labels of every episode, laid out as {@link #supportLabels()} (shared, read-only). */
    public INDArray queryLabels() {
        return queryLabels;
    }

    /**
     * A float32 batch of the given examples of the store: row {@code r} is example {@code indexOfRow[r]} of class
     * {@code classOfRow[r]}. On the CPU backend the examples are copied straight into an
     * uninitialised off-heap buffer, which measured several times faster than building a Java array and letting
     * {@code Nd4j.create} copy it again (zeroing and copying 250 KB per 5-way 15-query episode dominated). Other
     * backends get the portable path so their host/device bookkeeping stays right.
     */
    public INDArray batch(int[] classOfRow, int[] indexOfRow) {
        int n = classOfRow.length;
        if (cpuBackend) {
            INDArray out = Nd4j.createUninitialized(DataType.FLOAT, store.batchShape(n), 'c');
            FloatBuffer buffer = out.data().asNioFloat();
            for (int row = 0; row < n; row++) {
                store.copyExample(classOfRow[row], indexOfRow[row], buffer, row * store.exampleSize());
            }
            return out;
        }
        float[] values = new float[n * store.exampleSize()];
        for (int row = 0; row < n; row++) {
            store.copyExample(classOfRow[row], indexOfRow[row], values, row * store.exampleSize());
        }
        return Nd4j.create(values, store.batchShape(n), DataType.FLOAT);
    }

    private static int[] pickDistinct(SplittableRandom random, int n, int k) {
        int[] out = new int[k];
        pickDistinctInto(random, n, out);
        return out;
    }

    /**
     * Fills {@code out} with distinct indices from {@code [0, n)} in random order. Small draws from large pools
     * (Fashion-MNIST: 21 of 6000) use rejection so no pool of n ints is built per class; otherwise a partial
     * Fisher-Yates shuffle.
     */
    static void pickDistinctInto(SplittableRandom random, int n, int[] out) {
        int k = out.length;
        if (n >= 8 * k) {
            for (int i = 0; i < k; i++) {
                int candidate;
                do {
                    candidate = random.nextInt(n);
                } while (contains(out, i, candidate));
                out[i] = candidate;
            }
            return;
        }
        int[] pool = new int[n];
        for (int i = 0; i < n; i++) {
            pool[i] = i;
        }
        for (int i = 0; i < k; i++) {
            int j = i + random.nextInt(n - i);
            int t = pool[i];
            pool[i] = pool[j];
            pool[j] = t;
            out[i] = pool[i];
        }
    }

    private static boolean contains(int[] values, int length, int value) {
        for (int i = 0; i < length; i++) {
            if (values[i] == value) {
                return true;
            }
        }
        return false;
    }
}

package org.metalearn4j.datasets.medical;

import java.util.List;
import java.util.SplittableRandom;
import org.metalearn4j.core.dataset.Dataset;
import org.metalearn4j.core.dataset.DatasetException;
import org.metalearn4j.core.dataset.LabeledSet;
import org.metalearn4j.core.task.EpisodeSpec;
import org.metalearn4j.core.task.Examples;
import org.metalearn4j.core.task.Task;
import org.metalearn4j.core.task.TaskSource;
import org.metalearn4j.core.task.TaskType;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Breast-cancer cases divided into simulated sites ({@link SiteSplit}); a task is one site's diagnosis problem with
 * fixed classes (0 benign, 1 malignant). Splits: {@code meta-train}, tasks of the training sites, and
 * {@code meta-test}, tasks of the held-out site. An episode of shape {@code 2-way K-shot Q-query} draws {@code 2K}
 * support and {@code 2Q} query cases of one site (a training site chosen uniformly at random for meta-train) at
 * random, without stratifying: a site's labelled cases come as they come. {@link #labeled} gives every case of a
 * split's sites (the pooled training set).
 */
public final class BreastCancerSitesDataset implements Dataset {
    public static final List<String> CLASSES = List.of("benign", "malignant");
    private static final List<String> SPLITS = List.of("meta-train", "meta-test");

    private final String name;
    private final SiteSplit split;

    public BreastCancerSitesDataset(String name, SiteSplit split) {
        this.name = name;
        this.split = split;
    }

    /** The division into sites behind the tasks. */
    public SiteSplit sites() {
        return split;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public TaskType type() {
        return TaskType.CLASSIFICATION;
    }

    @Override
    public long[] inputShape() {
        return new long[] {BreastCancerTable.FEATURE_NAMES.size()};
    }

    @Override
    public List<String> splits() {
        return SPLITS;
    }

    @Override
    public TaskSource episodes(String splitName, EpisodeSpec spec) {
        int[] sites = sitesOf(splitName);
        if (spec.way() != 2) {
            throw new DatasetException(name + "/" + splitName + ": a site's task has the 2 classes benign and"
                    + " malignant, got way " + spec.way());
        }
        int support = 2 * spec.shot();
        int query = 2 * spec.query();
        for (int s : sites) {
            int size = split.cases(s).length;
            if (size < support + query) {
                throw new DatasetException(name + "/" + splitName + ": site " + s + " has " + size + " cases, an"
                        + " episode of " + support + " support and " + query + " query cases needs "
                        + (support + query));
            }
        }
        String domain = name + "/" + splitName;
        return seed -> {
            SplittableRandom random = new SplittableRandom(seed);
            int[] cases = split.cases(sites[random.nextInt(sites.length)]);
            int[] drawn = draw(random, cases, support + query);
            return new Task(examples(java.util.Arrays.copyOfRange(drawn, 0, support)),
                    examples(java.util.Arrays.copyOfRange(drawn, support, drawn.length)), TaskType.CLASSIFICATION,
                    2, spec.shot(), domain);
        };
    }

    @Override
    public LabeledSet labeled(String splitName) {
        return new LabeledSet(examples(split.cases(sitesOf(splitName))), CLASSES);
    }

    /** The given cases as float32 rows with their labels. */
    public Examples examples(int[] cases) {
        int d = BreastCancerTable.FEATURE_NAMES.size();
        float[] x = new float[cases.length * d];
        long[] y = new long[cases.length];
        for (int i = 0; i < cases.length; i++) {
            System.arraycopy(split.features(cases[i]), 0, x, i * d, d);
            y[i] = split.malignant(cases[i]);
        }
        return new Examples(Nd4j.create(x, new long[] {cases.length, d}, DataType.FLOAT), Nd4j.createFromArray(y));
    }

    /** {@code k} distinct cases in random order (a partial Fisher-Yates shuffle). */
    public static int[] draw(SplittableRandom random, int[] cases, int k) {
        int[] pool = cases.clone();
        for (int i = 0; i < k; i++) {
            int j = i + random.nextInt(pool.length - i);
            int t = pool[i];
            pool[i] = pool[j];
            pool[j] = t;
        }
        return java.util.Arrays.copyOf(pool, k);
    }

    private int[] sitesOf(String splitName) {
        return switch (splitName) {
            case "meta-train" -> split.trainingSites();
            case "meta-test" -> new int[] {split.heldOutSite()};
            default -> throw new DatasetException(name + " has no split '" + splitName + "'; available: " + SPLITS);
        };
    }
}

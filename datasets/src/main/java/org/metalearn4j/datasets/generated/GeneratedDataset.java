package org.metalearn4j.datasets.generated;

import java.util.List;
import org.metalearn4j.core.dataset.Dataset;
import org.metalearn4j.core.dataset.DatasetException;
import org.metalearn4j.core.task.EpisodeSpec;
import org.metalearn4j.core.task.Seeds;
import org.metalearn4j.core.task.TaskSource;
import org.metalearn4j.core.task.TaskType;

/**
 * A generated regression task family with splits {@code meta-train}, {@code meta-val} and {@code meta-test}. Every
 * split draws from the same distribution; a split's task for seed s uses {@code Seeds.derive(s, splitIndex)}, so the
 * same seed gives different functions in different splits and evaluation never repeats a training function by seed.
 * With a finite number of training tasks, {@code meta-train} draws from that fixed set instead: task {@code k} of the
 * set is the one of seed {@code k}, and a seed picks one of them.
 */
public final class GeneratedDataset implements Dataset {
    private static final String TRAIN = "meta-train";
    private final String name;
    private final RegressionFamily family;
    private final int minContext;
    private final int trainTasks;

    /** @param name data set name, the first part of every task's domain */
    public GeneratedDataset(String name, RegressionFamily family) {
        this(name, family, 0, 0);
    }

    /**
     * @param name       data set name, the first part of every task's domain
     * @param minContext 0 for fixed episode sizes; else context sizes are drawn from {@code minContext..shot}
     *                   ({@link RegressionTasks})
     * @param trainTasks how many distinct tasks {@code meta-train} has, 0 for a fresh one per seed
     */
    public GeneratedDataset(String name, RegressionFamily family, int minContext, int trainTasks) {
        if (trainTasks < 0) {
            throw new IllegalArgumentException("trainTasks: expected an integer >= 0, got " + trainTasks);
        }
        this.name = name;
        this.family = family;
        this.minContext = minContext;
        this.trainTasks = trainTasks;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public TaskType type() {
        return TaskType.REGRESSION;
    }

    @Override
    public long[] inputShape() {
        return new long[] {1};
    }

    @Override
    public List<String> splits() {
        return RegressionSplits.NAMES;
    }

    /**
     * {@code spec.way()} must be 1; {@code shot} support points and {@code query} query points per task, or with a
     * minimum context size {@code shot + query} points split at a random context size of at least that minimum.
     */
    @Override
    public TaskSource episodes(String split, EpisodeSpec spec) {
        int index = RegressionSplits.index(name, split, spec);
        if (minContext > spec.shot()) {
            throw new DatasetException(name + "/" + split + ": minContext " + minContext + " exceeds the episode's"
                    + " shot " + spec.shot() + " (the largest context)");
        }
        RegressionTasks tasks = new RegressionTasks(family, spec.shot(), spec.query(), minContext,
                name + "/" + split);
        if (trainTasks > 0 && TRAIN.equals(split)) {
            return seed -> tasks.sample(Seeds.derive(Math.floorMod(seed, trainTasks), index));
        }
        return seed -> tasks.sample(Seeds.derive(seed, index));
    }
}

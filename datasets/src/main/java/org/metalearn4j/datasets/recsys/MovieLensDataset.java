package org.metalearn4j.datasets.recsys;

import java.util.List;
import org.metalearn4j.core.dataset.Dataset;
import org.metalearn4j.core.dataset.DatasetException;
import org.metalearn4j.core.task.EpisodeSpec;
import org.metalearn4j.core.task.Examples;
import org.metalearn4j.core.task.Task;
import org.metalearn4j.core.task.TaskSource;
import org.metalearn4j.core.task.TaskType;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Cold-start recommendation as regression tasks (MeLU, Lee et al. 2019): each user is a task, an episode
 * {@code 1-way K-shot Q-query} gives K of the user's ratings as support and Q others as query ({@link UserEpisodes}),
 * inputs are {@link RatingFeatures} and targets the ratings minus the meta-train users' mean rating (so a network
 * starts near the mean; add {@link ColdStartSplit#globalMean()} back to get ratings). Users of different splits are
 * disjoint ({@link ColdStartSplit}).
 */
public final class MovieLensDataset implements Dataset {
    private final String name;
    private final ColdStartSplit split;
    private final RatingFeatures features;

    public MovieLensDataset(String name, ColdStartSplit split) {
        this.name = name;
        this.split = split;
        this.features = new RatingFeatures(split);
    }

    /** The users' division and the meta-train statistics. */
    public ColdStartSplit split() {
        return split;
    }

    /** The featurisation. */
    public RatingFeatures features() {
        return features;
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
        return new long[] {features.width()};
    }

    @Override
    public List<String> splits() {
        return ColdStartSplit.SPLITS;
    }

    @Override
    public TaskSource episodes(String splitName, EpisodeSpec spec) {
        if (spec.way() != 1) {
            throw new DatasetException(name + "/" + splitName + ": a user's ratings are one regression task, way 1,"
                    + " got " + spec.way());
        }
        UserEpisodes episodes = new UserEpisodes(split, splitName, spec.shot(), spec.query());
        String domain = name + "/" + splitName;
        return seed -> task(episodes.sample(seed), domain);
    }

    /** The task of an episode: its support and query ratings as feature rows and centred targets {@code [n, 1]}. */
    public Task task(UserEpisode e, String domain) {
        return new Task(examples(e.supportItems(), e.supportRatings(), e), examples(e.queryItems(),
                e.queryRatings(), e), TaskType.REGRESSION, 1, e.supportItems().length, domain);
    }

    private Examples examples(int[] items, float[] ratings, UserEpisode e) {
        float[] x = features.rows(items, e.supportItems(), e.supportRatings());
        float[] y = new float[ratings.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = (float) (ratings[i] - split.globalMean());
        }
        return new Examples(Nd4j.create(x, new long[] {items.length, features.width()}, DataType.FLOAT),
                Nd4j.create(y, new long[] {y.length, 1}, DataType.FLOAT));
    }
}

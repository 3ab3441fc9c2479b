package org.metalearn4j.datasets.episode;

import java.util.ArrayList;
import java.util.List;
import org.metalearn4j.core.task.Seeds;
import org.metalearn4j.core.task.Task;
import org.metalearn4j.core.task.TaskSource;

/**
 * A fixed evaluation set: episode {@code i} is {@code source.sample(Seeds.derive(seed, i))}, so every learner scored
 * with the same source, seed and count sees identical episodes, whatever it did before.
 */
public final class EvaluationEpisodes {
    private EvaluationEpisodes() {
    }

    /** The seed of evaluation episode {@code index}. */
    public static long seedOf(long seed, int index) {
        return Seeds.derive(seed, index);
    }

    /** Materialises {@code count} evaluation episodes. */
    public static List<Task> of(TaskSource source, long seed, int count) {
        if (count < 0) {
            throw new IllegalArgumentException("episode count must be >= 0, got " + count);
        }
        List<Task> tasks = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            tasks.add(source.sample(seedOf(seed, i)));
        }
        return List.copyOf(tasks);
    }
}

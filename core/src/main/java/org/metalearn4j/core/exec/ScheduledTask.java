package org.metalearn4j.core.exec;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.metalearn4j.core.task.Task;

/**
 * A task of a meta-batch as an executor receives it: the task, its position, and the seed it was drawn with, so an
 * executor in another process that has the same data set can regenerate it instead of receiving its examples.
 *
 * @param task  the episode
 * @param index position in the meta-batch
 * @param seed  the seed the task source drew it with, or {@link #NO_SEED} when it was not drawn from a seed
 */
public record ScheduledTask(Task task, int index, long seed) {
    /** Marks a task that cannot be regenerated from a seed. */
    public static final long NO_SEED = Long.MIN_VALUE;

    public ScheduledTask {
        Objects.requireNonNull(task, "task");
        if (index < 0) {
            throw new IllegalArgumentException("index: expected >= 0, got " + index);
        }
    }

    /** Tasks at positions 0, 1, ... with no seeds. */
    public static List<ScheduledTask> unseeded(List<Task> tasks) {
        List<ScheduledTask> out = new ArrayList<>(tasks.size());
        for (int i = 0; i < tasks.size(); i++) {
            out.add(new ScheduledTask(tasks.get(i), i, NO_SEED));
        }
        return out;
    }
}

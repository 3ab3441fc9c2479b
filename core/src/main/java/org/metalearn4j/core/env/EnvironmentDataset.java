package org.metalearn4j.core.env;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.metalearn4j.core.dataset.Dataset;
import org.metalearn4j.core.dataset.DatasetException;
import org.metalearn4j.core.task.EpisodeSpec;
import org.metalearn4j.core.task.Examples;
import org.metalearn4j.core.task.Seeds;
import org.metalearn4j.core.task.Task;
import org.metalearn4j.core.task.TaskSource;
import org.metalearn4j.core.task.TaskType;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * An {@link EnvironmentFamily} as a data set of {@link TaskType#CONTROL} tasks, so that environments are found by
 * name like any data set (a {@code DatasetProvider} opens one) and meta-trained by the same loop, checkpoints and
 * {@code metalearn train}. A task identifies an environment, not data: its support set has {@code shot} rows and its
 * query set {@code query} rows, each row the task's parameters, one per trajectory the learner is to sample (support
 * trajectories to adapt on, query trajectories to be scored on); targets are zeros, as rewards come from the
 * environment. A split's task for seed {@code s} has the parameters its sampler draws from
 * {@code Seeds.derive(s, splitIndex)}, so the same seed gives different tasks in different splits.
 *
 * <p>Learners find the family in {@link org.metalearn4j.core.learner.LearnerContext#environment()} and the task's
 * parameters with {@link #parameters(Task)}; tasks hold only arrays, so they travel to other threads and processes
 * like any other task.
 */
public final class EnvironmentDataset implements Dataset {
    private final String name;
    private final EnvironmentFamily family;
    private final Map<String, TaskParameters> splits;

    /** Draws one task's parameters; a pure function of the seed. */
    @FunctionalInterface
    public interface TaskParameters {
        double[] sample(long seed);
    }

    /** @param splits split name to its parameter sampler, in the order {@link #splits()} lists them */
    public EnvironmentDataset(String name, EnvironmentFamily family, Map<String, TaskParameters> splits) {
        if (splits.isEmpty()) {
            throw new IllegalArgumentException(name + ": a data set needs at least one split");
        }
        this.name = Objects.requireNonNull(name, "name");
        this.family = Objects.requireNonNull(family, "family");
        this.splits = new LinkedHashMap<>(splits);
    }

    /** The environments the tasks select. */
    public EnvironmentFamily family() {
        return family;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public TaskType type() {
        return TaskType.CONTROL;
    }

    /** The shape of one observation. */
    @Override
    public long[] inputShape() {
        return new long[] {family.observationSize()};
    }

    @Override
    public List<String> splits() {
        return List.copyOf(splits.keySet());
    }

    /** {@code spec.way()} must be 1; {@code shot} support and {@code query} query trajectories per task. */
    @Override
    public TaskSource episodes(String split, EpisodeSpec spec) {
        TaskParameters sampler = splits.get(split);
        if (sampler == null) {
            throw new DatasetException(name + " has no split '" + split + "'; available: " + splits.keySet());
        }
        if (spec.way() != 1) {
            throw new DatasetException(name + "/" + split + ": control tasks have way 1, got " + spec.way());
        }
        int index = List.copyOf(splits.keySet()).indexOf(split);
        String domain = name + "/" + split;
        return seed -> task(sampler.sample(Seeds.derive(seed, index)), spec.shot(), spec.query(), domain);
    }

    /** A control task with these parameters, {@code support} and {@code query} trajectories. */
    public Task task(double[] parameters, int support, int query, String domain) {
        if (parameters.length != family.parameterSize()) {
            throw new DatasetException(domain + ": task parameters have " + parameters.length + " values, the "
                    + "environment family expects " + family.parameterSize());
        }
        return new Task(rows(parameters, support), rows(parameters, query), TaskType.CONTROL, 1, support, domain);
    }

    /** The parameters of a control task (the first support row). */
    public static double[] parameters(Task task) {
        if (task.type() != TaskType.CONTROL) {
            throw new IllegalArgumentException("task " + task.domain() + " is a " + task.type()
                    + " task, not a control task");
        }
        return task.support().x().getRow(0).castTo(DataType.DOUBLE).toDoubleVector();
    }

    private static Examples rows(double[] parameters, int n) {
        INDArray x = Nd4j.create(DataType.DOUBLE, n, parameters.length);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < parameters.length; j++) {
                x.putScalar(i, j, parameters[j]);
            }
        }
        return new Examples(x, Nd4j.zeros(DataType.DOUBLE, n));
    }
}

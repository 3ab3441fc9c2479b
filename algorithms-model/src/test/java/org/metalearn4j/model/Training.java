package org.metalearn4j.model;

import java.util.Optional;
import java.util.ServiceLoader;
import org.metalearn4j.core.config.ConfigBinder;
import org.metalearn4j.core.config.ConfigMappers;
import org.metalearn4j.core.learner.Learner;
import org.metalearn4j.core.learner.LearnerContext;
import org.metalearn4j.core.learner.LearnerProvider;
import org.metalearn4j.core.task.Task;
import org.metalearn4j.core.task.TaskType;
import org.metalearn4j.core.task.TaskSource;
import org.metalearn4j.core.train.LoopPlan;
import org.metalearn4j.core.train.LoopResult;
import org.metalearn4j.core.train.LoopStart;
import org.metalearn4j.core.train.MetaTrainingLoop;

/** Creates learners by name as the CLI does and trains them with core's loop, for this module's tests. */
public final class Training {
    private Training() {
    }

    /** Learner {@code name} found by ServiceLoader, {@code params} (YAML) over its defaults, for {@code tasks}. */
    @SuppressWarnings("unchecked")
    public static Learner learner(String name, String params, TaskSource tasks, long[] shape) {
        LearnerProvider<Record> provider = ServiceLoader.load(LearnerProvider.class).stream()
                .map(p -> (LearnerProvider<Record>) p.get()).filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no learner provider '" + name + "'"));
        Task probe = tasks.sample(0);
        TaskType type = probe.type();
        LearnerContext context = new LearnerContext(shape, type, probe.ways(), type == TaskType.REGRESSION ? 1
                : probe.ways(), 13, Optional.empty());
        Record config = ConfigBinder.bindParams(provider, ConfigMappers.readYaml(params, "test"), "learner.params",
                null);
        return provider.create(config, context);
    }

    /** {@code iterations} steps of {@code metaBatch} tasks of {@code tasks}, seed 1. */
    public static LoopResult run(Learner learner, TaskSource tasks, int iterations, int metaBatch) {
        return new MetaTrainingLoop(learner, tasks, LoopPlan.of(iterations, metaBatch, 1), "metric")
                .run(LoopStart.fresh(), () -> false);
    }
}

package org.metalearn4j.core.learner;

import java.util.Objects;
import java.util.Optional;
import org.metalearn4j.core.dataset.Dataset;
import org.metalearn4j.core.env.EnvironmentDataset;
import org.metalearn4j.core.env.EnvironmentFamily;
import org.metalearn4j.core.nn.BackboneSpec;
import org.metalearn4j.core.nn.backbone.Backbone;
import org.metalearn4j.core.nn.backbone.BackboneUse;
import org.metalearn4j.core.plugin.PluginRegistry;
import org.metalearn4j.core.spi.ProviderRegistry;
import org.metalearn4j.core.state.StateDict;
import org.metalearn4j.core.task.Seeds;
import org.metalearn4j.core.task.Task;
import org.metalearn4j.core.task.TaskSource;
import org.metalearn4j.core.task.TaskType;

/**
 * What a learner must know about the data and its surroundings before it builds its model. Made by
 * {@link #forDataset} wherever a learner is created (training, pipelines, loading a saved model).
 *
 * @param inputShape      shape of one example, e.g. {@code [1, 28, 28]} or {@code [1]} (one observation for control)
 * @param type            classification, regression or control
 * @param ways            classes per training episode (1 for regression and control)
 * @param outputs         output width: {@code ways} for classification, target dimension for regression, action
 *                        dimension for control
 * @param seed            seed for initialisation and any randomness inside the learner
 * @param initialBackbone pretrained backbone parameters (names as produced by the backbone module) to start from
 * @param registry        the discovered providers, where backbones (and anything else a learner builds by name)
 *                        are looked up, plugin JARs included
 * @param environment     for control tasks, the environments the tasks select (a learner rolls out in them);
 *                        empty otherwise
 */
public record LearnerContext(long[] inputShape, TaskType type, int ways, int outputs, long seed,
                             Optional<StateDict> initialBackbone, ProviderRegistry registry,
                             Optional<EnvironmentFamily> environment) {
    public LearnerContext {
        Objects.requireNonNull(inputShape, "inputShape");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(initialBackbone, "initialBackbone");
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(environment, "environment");
        inputShape = inputShape.clone();
    }

    /** A context for data without environments. */
    public LearnerContext(long[] inputShape, TaskType type, int ways, int outputs, long seed,
                          Optional<StateDict> initialBackbone, ProviderRegistry registry) {
        this(inputShape, type, ways, outputs, seed, initialBackbone, registry, Optional.empty());
    }

    /** A context whose backbones come from the class path (no plugin JARs), for tests and embedding. */
    public LearnerContext(long[] inputShape, TaskType type, int ways, int outputs, long seed,
                          Optional<StateDict> initialBackbone) {
        this(inputShape, type, ways, outputs, seed, initialBackbone, PluginRegistry.classpath());
    }

    /**
     * The context for learning on {@code dataset}'s tasks: {@code ways} classes per episode for classification; for
     * regression one way and the target width of a task drawn from {@code training}; for an
     * {@link EnvironmentDataset} one way, its action width and its environment family.
     */
    public static LearnerContext forDataset(Dataset dataset, TaskSource training, int ways, long seed,
                                            Optional<StateDict> initialBackbone, ProviderRegistry registry) {
        if (dataset instanceof EnvironmentDataset environments) {
            EnvironmentFamily family = environments.family();
            return new LearnerContext(dataset.inputShape(), TaskType.CONTROL, 1, family.actionSize(), seed,
                    initialBackbone, registry, Optional.of(family));
        }
        boolean regression = dataset.type() == TaskType.REGRESSION;
        int outputs = regression ? targetWidth(training.sample(Seeds.derive(seed, -1))) : ways;
        return new LearnerContext(dataset.inputShape(), dataset.type(), regression ? 1 : ways, outputs, seed,
                initialBackbone, registry);
    }

    /** The backbone {@code spec} describes, for this context's inputs, from this context's providers. */
    public Backbone backbone(BackboneSpec spec, BackboneUse use) {
        return spec.build(registry, inputShape, use);
    }

    @Override
    public long[] inputShape() {
        return inputShape.clone();
    }

    private static int targetWidth(Task probe) {
        return probe.support().y().rank() < 2 ? 1 : Math.toIntExact(probe.support().y().size(1));
    }
}

package org.metalearn4j.core.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.metalearn4j.core.config.RunConfig;
import org.metalearn4j.core.dataset.Dataset;
import org.metalearn4j.core.image.ImageFormat;
import org.metalearn4j.core.learner.LearnerContext;
import org.metalearn4j.core.spi.ProviderRegistry;
import org.metalearn4j.core.task.TaskSource;
import org.metalearn4j.core.task.TaskType;

/**
 * What a model file must hold besides the weights so that the model can be rebuilt without its training data: the
 * learner and its effective parameters, the {@link LearnerContext} it was built in, and how examples are prepared.
 * Written into every training checkpoint; {@link FewShotModel#load} reads it.
 *
 * @param learner       the learner provider's name
 * @param learnerParams the learner's effective parameters (defaults included)
 * @param dataset       the name of the data set it was trained on, for people reading the file
 * @param inputShape    shape of one example, e.g. {@code [1, 28, 28]}
 * @param type          classification or regression
 * @param ways          classes per training episode (1 for regression)
 * @param outputs       output width of the learner's network
 * @param seed          the seed the learner was initialised with
 * @param image         how pictures become examples, or null where examples are not pictures
 * @param classNames    names of the classes of a fixed-class model's outputs, empty for few-shot models (whose
 *                      labels come with each support set)
 */
public record ModelDescription(String learner, JsonNode learnerParams, String dataset, long[] inputShape,
                               TaskType type, int ways, int outputs, long seed, ImageFormat image,
                               List<String> classNames) {
    public ModelDescription {
        Objects.requireNonNull(learner, "learner");
        Objects.requireNonNull(learnerParams, "learnerParams");
        Objects.requireNonNull(inputShape, "inputShape");
        Objects.requireNonNull(type, "type");
        inputShape = inputShape.clone();
        classNames = classNames == null ? List.of() : List.copyOf(classNames);
    }

    /**
     * The description of the learner {@code config} trains on {@code dataset}, whose training episodes are
     * {@code training} (effective config: learner params with their defaults).
     */
    public static ModelDescription of(RunConfig config, Dataset dataset, TaskSource training,
                                      ProviderRegistry registry) {
        LearnerContext context = LearnerContext.forDataset(dataset, training, config.train().way(), config.seed(),
                Optional.empty(), registry);
        return of(config.learner().name(), config.learner().params(), dataset, context);
    }

    /**
     * The description of learner {@code learner} with {@code params}, created in {@code context} for examples of
     * {@code dataset}: what every trainer (pipeline stage, example application) records with its model.
     */
    public static ModelDescription of(String learner, JsonNode params, Dataset dataset, LearnerContext context) {
        return new ModelDescription(learner, params, dataset.name(), context.inputShape(), context.type(),
                context.ways(), context.outputs(), context.seed(), dataset.imageFormat().orElse(null), List.of());
    }

    /** The context to rebuild the learner in, with backbones from {@code registry}. */
    public LearnerContext context(ProviderRegistry registry) {
        return new LearnerContext(inputShape, type, ways, outputs, seed, Optional.empty(), registry);
    }

    @Override
    public long[] inputShape() {
        return inputShape.clone();
    }

    /** Values in one example: the product of {@link #inputShape()}. */
    public int exampleSize() {
        long n = 1;
        for (long d : inputShape) {
            n *= d;
        }
        return Math.toIntExact(n);
    }
}

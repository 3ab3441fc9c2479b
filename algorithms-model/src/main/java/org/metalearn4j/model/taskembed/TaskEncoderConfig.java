package org.metalearn4j.model.taskembed;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import org.metalearn4j.core.config.Checks;
import org.metalearn4j.core.optim.ScheduledAdamConfig;

/** Settings of {@code task-encoder}; {@code metalearn config --defaults task-encoder} prints them. */
public record TaskEncoderConfig(
        @JsonPropertyDescription("width of the encoder's hidden layers") int hidden,
        @JsonPropertyDescription("hidden layers of the encoder's per-point MLP") int layers,
        @JsonPropertyDescription("length of a task embedding") int embeddingSize,
        @JsonPropertyDescription("random Fourier features of the reference ridge solutions") int features,
        @JsonPropertyDescription("length scale of the reference solutions' RBF kernel, in input units")
        double bandwidth,
        @JsonPropertyDescription("ridge penalty of the reference solutions (towards zero, or towards the nearest"
                + " known task's solution when adapting)") double ridge,
        @JsonPropertyDescription("training tasks kept as known tasks for the nearest-task warm start (the most"
                + " recent ones)") int knownTasks,
        @JsonPropertyDescription("Adam, learning-rate schedule and clipping") ScheduledAdamConfig optimizer) {
    public TaskEncoderConfig {
        Checks.atLeast("hidden", hidden, 1);
        Checks.atLeast("layers", layers, 1);
        Checks.atLeast("embeddingSize", embeddingSize, 1);
        Checks.atLeast("features", features, 1);
        Checks.positive("bandwidth", bandwidth);
        Checks.positive("ridge", ridge);
        Checks.atLeast("knownTasks", knownTasks, 1);
        Checks.present("optimizer", optimizer);
    }
}

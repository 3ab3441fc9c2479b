package org.metalearn4j.optimization.learned;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.metalearn4j.core.checkpoint.Checkpoint;
import org.metalearn4j.core.checkpoint.CheckpointException;
import org.metalearn4j.core.checkpoint.CheckpointFile;
import org.metalearn4j.core.checkpoint.CheckpointStore;
import org.metalearn4j.core.config.ConfigBinder;
import org.metalearn4j.core.config.ConfigMappers;
import org.metalearn4j.core.nn.ParameterSpec;
import org.metalearn4j.core.nn.Params;
import org.metalearn4j.core.state.StateDict;
import org.metalearn4j.core.tensor.Tensor;
import org.metalearn4j.core.train.TrainingCheckpoint;

/**
 * A trained learned optimizer read from what training wrote: a checkpoint of {@code learned-optimizer} (a file, or
 * the newest good one of a run or meta-train stage directory). The checkpoint's configuration gives the network's
 * shape and groups, its learner state the weights.
 *
 * @param config  the learner's settings the optimizer was trained with
 * @param weights the networks' weights, {@code <group>.*}, as constants
 * @param origin  the checkpoint file
 */
public record LearnedOptimizerFile(LearnedOptimizerConfig config, Params weights, String origin) {

    /**
     * Reads {@code path}.
     *
     * @throws IllegalArgumentException starting with {@code path:} when it is missing, unreadable or not a learned
     *                                  optimizer
     */
    public static LearnedOptimizerFile read(String path) {
        Path p = Path.of(path);
        Path file;
        Checkpoint checkpoint;
        try {
            if (Files.isDirectory(p)) {
                CheckpointStore.Loaded loaded = new CheckpointStore(p, 1).latestGood().orElseThrow(() ->
                        new IllegalArgumentException("path: " + p + " holds no checkpoints; expected the run"
                                + " directory of 'metalearn train' with learner " + LearnedOptimizerProvider.NAME
                                + " or one of its checkpoint files"));
                file = loaded.file();
                checkpoint = loaded.checkpoint();
            } else if (Files.isRegularFile(p)) {
                file = p;
                checkpoint = CheckpointFile.read(p);
            } else {
                throw new IllegalArgumentException("path: no file or directory " + p + "; expected a trained learned"
                        + " optimizer (the run directory of learner " + LearnedOptimizerProvider.NAME + ")");
            }
        } catch (CheckpointException e) {
            throw new IllegalArgumentException("path: " + e.getMessage(), e);
        }
        LearnedOptimizerConfig config = config(checkpoint.configJson(), file);
        StateDict state = TrainingCheckpoint.learnerState(checkpoint, file.toString());
        return new LearnedOptimizerFile(config, weights(config, state, file), file.toString());
    }

    /** The learner's settings from a run configuration or a meta-train stage's identity. */
    private static LearnedOptimizerConfig config(String json, Path file) {
        JsonNode tree;
        try {
            tree = ConfigMappers.json().readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("path: " + file + " holds an unreadable configuration: "
                    + e.getOriginalMessage(), e);
        }
        JsonNode learner = tree.path("learner");
        String name = learner.isObject() ? learner.path("name").asText() : learner.asText();
        JsonNode params = learner.isObject() ? learner.get("params") : tree.get("params");
        if (!LearnedOptimizerProvider.NAME.equals(name)) {
            throw new IllegalArgumentException("path: " + file + " was written by learner '" + name + "', not "
                    + LearnedOptimizerProvider.NAME + "; it holds no learned optimizer");
        }
        return ConfigBinder.bindParams(new LearnedOptimizerProvider(), params, "learner.params", file.toString());
    }

    private static Params weights(LearnedOptimizerConfig config, StateDict learner, Path file) {
        StateDict params = learner.withPrefix("params." + LearnedOptimizerLearner.LSTM + ".");
        Map<String, Tensor> weights = new LinkedHashMap<>();
        for (int g = 0; g < config.groups().size(); g++) {
            for (ParameterSpec s : config.network().parameterSpecs()) {
                String name = g + "." + s.name();
                if (!params.contains(name)) {
                    throw new IllegalArgumentException("path: " + file + " has no weight '" + name + "' of its"
                            + " learned optimizer");
                }
                weights.put(name, Tensor.constant(params.get(name).dup()));
            }
        }
        return Params.of(weights);
    }
}

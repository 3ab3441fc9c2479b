package org.metalearn4j.transfer.multitask;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.metalearn4j.core.config.Checks;
import org.metalearn4j.core.nn.BackboneSpec;
import org.metalearn4j.transfer.pipeline.ProviderReferences;

/** Settings of the {@code multitask} stage; {@code metalearn config --defaults multitask} prints them. */
public record MultitaskConfig(
        @JsonPropertyDescription("the tasks (at least 2): each a labelled data set split and the classes it"
                + " classifies") List<TaskData> tasks,
        @JsonPropertyDescription("uniform (sum of losses) or uncertainty (learned per-task weights, Kendall et al."
                + " 2018)") Weighting weighting,
        @JsonPropertyDescription("which task a step trains on: proportional to its example count, or round-robin")
        Sampling sampling,
        @JsonPropertyDescription("cap on examples per class (0 = all)") int maxPerClass,
        @JsonPropertyDescription("shared trunk architecture") BackboneSpec backbone,
        @JsonPropertyDescription("Adam steps, one task's batch each") int iterations,
        @JsonPropertyDescription("examples per step") int batchSize,
        @JsonPropertyDescription("Adam learning rate") double lr) implements ProviderReferences {

    /** One task: classes of a labelled split. */
    public record TaskData(
            @JsonPropertyDescription("data set name") String dataset,
            @JsonPropertyDescription("its labelled split") String split,
            @JsonPropertyDescription("class indices; empty for all") List<Integer> classes) {
        public TaskData {
            Checks.notBlank("dataset", dataset);
            Checks.notBlank("split", split);
            classes = classes == null ? List.of() : List.copyOf(classes);
        }
    }

    /** How the tasks' losses are combined. */
    public enum Weighting {
        /** Their plain sum. */
        @JsonProperty("uniform") UNIFORM,
        /** Weighted by learned homoscedastic uncertainties. */
        @JsonProperty("uncertainty") UNCERTAINTY
    }

    /** Which task a training step draws its batch from. */
    public enum Sampling {
        /** At random, in proportion to the tasks' example counts. */
        @JsonProperty("proportional") PROPORTIONAL,
        /** Each task in turn. */
        @JsonProperty("round-robin") ROUND_ROBIN
    }

    public MultitaskConfig {
        tasks = List.copyOf(Checks.atLeastItems("tasks", tasks, 2));
        Checks.oneOf("weighting", weighting, Weighting.class);
        Checks.oneOf("sampling", sampling, Sampling.class);
        Checks.atLeast("maxPerClass", maxPerClass, 0);
        Checks.present("backbone", backbone);
        Checks.atLeast("iterations", iterations, 1);
        Checks.atLeast("batchSize", batchSize, 1);
        Checks.positive("lr", lr);
    }

    @Override
    public Map<String, String> datasets() {
        Map<String, String> out = new LinkedHashMap<>();
        for (int t = 0; t < tasks.size(); t++) {
            out.put("tasks[" + t + "].dataset", tasks.get(t).dataset());
        }
        return out;
    }
}

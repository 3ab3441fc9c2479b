package org.metalearn4j.transfer.multitask;

import java.util.List;
import java.util.Map;
import org.metalearn4j.core.nn.BackboneSpec;
import org.metalearn4j.transfer.pipeline.ProviderReferences;

/**
 * Settings of the {@code multitask} stage.
 *
 * @param tasks       the tasks: each a labelled data set split and the classes it classifies
 * @param weighting   {@code uniform} (sum of losses) or {@code uncertainty} (Kendall et al. 2018)
 * @param sampling    which task a step trains on: {@code proportional} to its example count, or {@code round-robin}
 * @param maxPerClass cap on examples per class (0 = all)
 * @param backbone    shared trunk architecture (type auto/conv4/mlp, mlp widths, conv4 channels)
 * @param iterations  Adam steps (one task's batch each)
 * @param batchSize   examples per step
 * @param lr          Adam learning rate
 */
public record MultitaskConfig(List<TaskData> tasks, String weighting, String sampling, int maxPerClass,
                              BackboneSpec backbone, int iterations, int batchSize, double lr)
        implements ProviderReferences {

    /** One task: classes of a labelled split. */
    public record TaskData(String dataset, String split, List<Integer> classes) {
        public TaskData {
            classes = classes == null ? List.of() : List.copyOf(classes);
        }
    }

    public MultitaskConfig {
        if (tasks == null || tasks.size() < 2) {
            throw new IllegalArgumentException("multitask needs at least 2 tasks, got " + tasks);
        }
        tasks = List.copyOf(tasks);
        if (!List.of("uniform", "uncertainty").contains(weighting)) {
            throw new IllegalArgumentException("weighting must be 'uniform' or 'uncertainty', got '" + weighting + "'");
        }
        if (!List.of("proportional", "round-robin").contains(sampling)) {
            throw new IllegalArgumentException("sampling must be 'proportional' or 'round-robin', got '" + sampling
                    + "'");
        }
        if (iterations < 1 || batchSize < 1 || !(lr > 0)) {
            throw new IllegalArgumentException("iterations and batchSize must be >= 1 and lr > 0");
        }
    }

    @Override
    public Map<String, String> datasets() {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (int t = 0; t < tasks.size(); t++) {
            out.put("tasks[" + t + "].dataset", tasks.get(t).dataset());
        }
        return out;
    }
}

package org.metalearn4j.transfer.pretrain;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;
import java.util.Map;
import org.metalearn4j.core.config.Checks;
import org.metalearn4j.core.nn.BackboneSpec;
import org.metalearn4j.core.optim.OptimizerSpec;
import org.metalearn4j.transfer.pipeline.ProviderReferences;

/** Settings of the {@code pretrain} stage; {@code metalearn config --defaults pretrain} prints them. */
public record PretrainConfig(
        @JsonPropertyDescription("source data set") String dataset,
        @JsonPropertyDescription("its labelled split, e.g. meta-train") String split,
        @JsonPropertyDescription("class indices to train on; empty for all") List<Integer> classes,
        @JsonPropertyDescription("cap on examples per class (0 = all)") int maxPerClass,
        @JsonPropertyDescription("the network to pretrain") BackboneSpec backbone,
        @JsonPropertyDescription("optimizer steps") int iterations,
        @JsonPropertyDescription("examples per step") int batchSize,
        @JsonPropertyDescription("the optimizer's learning rate") double lr,
        @JsonPropertyDescription("the optimizer, {type: adam} by default; sgd, rmsprop, or learned-lstm with the path"
                + " of a trained learned optimizer") OptimizerSpec optimizer) implements ProviderReferences {
    public PretrainConfig {
        Checks.notBlank("dataset", dataset);
        Checks.notBlank("split", split);
        classes = classes == null ? List.of() : List.copyOf(classes);
        Checks.atLeast("maxPerClass", maxPerClass, 0);
        Checks.present("backbone", backbone);
        Checks.atLeast("iterations", iterations, 1);
        Checks.atLeast("batchSize", batchSize, 1);
        Checks.positive("lr", lr);
        Checks.present("optimizer", optimizer);
    }

    @Override
    public Map<String, String> datasets() {
        return Map.of("dataset", dataset);
    }
}

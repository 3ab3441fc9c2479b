package org.metalearn4j.transfer.evaluate;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.Map;
import org.metalearn4j.core.config.Checks;
import org.metalearn4j.core.nn.BackboneSpec;
import org.metalearn4j.transfer.finetune.FinetuneMode;
import org.metalearn4j.transfer.finetune.FinetunePlan;
import org.metalearn4j.transfer.pipeline.ProviderReferences;

/** Settings of the {@code evaluate} stage; {@code metalearn config --defaults evaluate} prints them. */
public record EvaluateConfig(
        @JsonPropertyDescription("data set to draw episodes from") String dataset,
        @JsonPropertyDescription("its split") String split,
        @JsonPropertyDescription("classes per episode (1 for regression data sets)") int way,
        @JsonPropertyDescription("support examples per class") int shot,
        @JsonPropertyDescription("query examples per class") int query,
        @JsonPropertyDescription("number of episodes; episode i uses Seeds.derive(episodeSeed, i)") int episodes,
        @JsonPropertyDescription("seed of the episode set; the same value gives every method identical episodes")
        long episodeSeed,
        @JsonPropertyDescription("for a BACKBONE or MODEL input: prototypes (nearest class mean on frozen features)"
                + " or finetune; a NONE input always fine-tunes from scratch, a LEARNER uses its own adapter")
        Adapter adapter,
        @JsonPropertyDescription("what the finetune adapter trains: full, last-k (the last k backbone blocks and the"
                + " head) or linear-probe (the head)") FinetuneMode mode,
        @JsonPropertyDescription("backbone blocks trained in last-k mode") int k,
        @JsonPropertyDescription("full-batch fine-tuning steps on each support set") int steps,
        @JsonPropertyDescription("fine-tuning learning rate") double lr,
        @JsonPropertyDescription("L2-SP lambda toward the pretrained backbone (0 = off)") double l2sp,
        @JsonPropertyDescription("architecture for a NONE input") BackboneSpec backbone) implements ProviderReferences {

    /** How a BACKBONE or MODEL input adapts to an episode's support set. */
    public enum Adapter {
        /** Nearest class mean of the frozen backbone's features. */
        @JsonProperty("prototypes") PROTOTYPES,
        /** Fine-tuning on the support set as {@code mode} says. */
        @JsonProperty("finetune") FINETUNE
    }

    public EvaluateConfig {
        Checks.notBlank("dataset", dataset);
        Checks.notBlank("split", split);
        Checks.atLeast("way", way, 1);
        Checks.atLeast("shot", shot, 1);
        Checks.atLeast("query", query, 1);
        Checks.atLeast("episodes", episodes, 1);
        Checks.oneOf("adapter", adapter, Adapter.class);
        Checks.atLeast("steps", steps, 1);
        plan(mode, k, lr, l2sp);
        Checks.present("backbone", backbone);
    }

    public FinetunePlan plan() {
        return plan(mode, k, lr, l2sp);
    }

    private static FinetunePlan plan(FinetuneMode mode, int k, double lr, double l2sp) {
        return new FinetunePlan(mode, k, null, lr, l2sp);
    }

    @Override
    public Map<String, String> datasets() {
        return Map.of("dataset", dataset);
    }
}

package org.metalearn4j.transfer.evaluate;

import java.util.List;
import java.util.Map;
import org.metalearn4j.core.nn.BackboneSpec;
import org.metalearn4j.transfer.finetune.FinetunePlan;
import org.metalearn4j.transfer.pipeline.ProviderReferences;

/**
 * Settings of the {@code evaluate} stage.
 *
 * @param dataset     data set to draw episodes from
 * @param split       its split
 * @param way         classes per episode
 * @param shot        support examples per class
 * @param query       query examples per class
 * @param episodes    number of episodes (fixed: episode {@code i} uses {@code Seeds.derive(episodeSeed, i)})
 * @param episodeSeed seed of the episode set; the same value gives every method identical episodes
 * @param adapter     for a BACKBONE or MODEL input: {@code prototypes} (nearest class mean on frozen features) or
 *                    {@code finetune}; a NONE input always fine-tunes from scratch, a LEARNER uses its own adapter
 * @param mode        fine-tuning mode of the {@code finetune} adapter ({@code full}, {@code last-k},
 *                    {@code linear-probe})
 * @param k           backbone blocks trained in {@code last-k} mode
 * @param steps       full-batch fine-tuning steps on each support set
 * @param lr          fine-tuning learning rate
 * @param l2sp        L2-SP lambda toward the pretrained backbone (0 = off)
 * @param backbone    architecture for a NONE input (type auto/conv4/mlp, mlp widths, conv4 channels)
 */
public record EvaluateConfig(String dataset, String split, int way, int shot, int query, int episodes,
                             long episodeSeed, String adapter, String mode, int k, int steps, double lr, double l2sp,
                             BackboneSpec backbone) implements ProviderReferences {
    public EvaluateConfig {
        if (way < 2 || shot < 1 || query < 1 || episodes < 1 || steps < 1) {
            throw new IllegalArgumentException("need way >= 2 and shot, query, episodes, steps >= 1, got way=" + way
                    + " shot=" + shot + " query=" + query + " episodes=" + episodes + " steps=" + steps);
        }
        if (!List.of("prototypes", "finetune").contains(adapter)) {
            throw new IllegalArgumentException("adapter must be 'prototypes' or 'finetune', got '" + adapter + "'");
        }
        plan(mode, k, lr, l2sp);
    }

    public FinetunePlan plan() {
        return plan(mode, k, lr, l2sp);
    }

    private static FinetunePlan plan(String mode, int k, double lr, double l2sp) {
        return new FinetunePlan(mode, k, null, lr, l2sp);
    }

    @Override
    public Map<String, String> datasets() {
        return Map.of("dataset", dataset);
    }
}

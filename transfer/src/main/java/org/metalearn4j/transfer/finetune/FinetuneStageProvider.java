package org.metalearn4j.transfer.finetune;

import java.util.List;
import java.util.Map;
import org.metalearn4j.core.nn.BackboneSpec;
import org.metalearn4j.core.optim.OptimizerSpec;
import org.metalearn4j.core.pipeline.PipelineStage;
import org.metalearn4j.core.pipeline.StageProvider;

/** The {@code finetune} stage: full, last-k or linear-probe fine-tuning with per-prefix learning rates and L2-SP. */
public final class FinetuneStageProvider implements StageProvider<FinetuneConfig> {
    @Override
    public String name() {
        return "finetune";
    }

    @Override
    public String description() {
        return "fine-tune a backbone/model on target classes (full, last-k, linear-probe; per-layer LRs; L2-SP)";
    }

    @Override
    public Class<FinetuneConfig> configType() {
        return FinetuneConfig.class;
    }

    @Override
    public FinetuneConfig defaults() {
        return new FinetuneConfig("fashion-mnist", "target-train", "target-test", List.of(), 0, FinetuneMode.FULL, 1,
                Map.of(), 1e-3, 0.0, true, 500, 64, BackboneSpec.conv4(64), OptimizerSpec.adam());
    }

    /** Trains and evaluates only through core's loops, which a dry run shortens. */
    @Override
    public boolean dryRunnable() {
        return true;
    }

    @Override
    public PipelineStage create(FinetuneConfig config) {
        return new FinetuneStage(config);
    }
}

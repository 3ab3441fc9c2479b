package org.metalearn4j.transfer.zeroshot;

import java.util.List;
import org.metalearn4j.core.pipeline.PipelineStage;
import org.metalearn4j.core.pipeline.StageProvider;

/** The {@code zeroshot} stage: ESZSL or DAP on the unseen classes of a labelled data set. */
public final class ZeroShotStageProvider implements StageProvider<ZeroShotConfig> {
    @Override
    public String name() {
        return "zeroshot";
    }

    @Override
    public String description() {
        return "zero-shot classification of held-out classes from attribute vectors (ESZSL or DAP)";
    }

    @Override
    public Class<ZeroShotConfig> configType() {
        return ZeroShotConfig.class;
    }

    /** Fashion-MNIST with its built-in attribute table, seven seen classes and Pullover, Sandal, Bag unseen. */
    @Override
    public ZeroShotConfig defaults() {
        return new ZeroShotConfig(ZeroShotConfig.Method.ESZSL, ClassAttributes.FASHION_MNIST, "fashion-mnist", "train",
                "test", List.of(2, 5, 8), 1000, 2, 1.0, 1.0, 1e-2);
    }

    /** Closed-form (ESZSL) or a bounded logistic regression (DAP) and core's evaluator: cheap in a dry run. */
    @Override
    public boolean dryRunnable() {
        return true;
    }

    @Override
    public PipelineStage create(ZeroShotConfig config) {
        return new ZeroShotStage(config);
    }
}

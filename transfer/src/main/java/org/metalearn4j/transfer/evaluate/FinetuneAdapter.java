package org.metalearn4j.transfer.evaluate;

import java.util.Set;
import org.metalearn4j.core.learner.Adapter;
import org.metalearn4j.core.learner.Predictor;
import org.metalearn4j.core.pipeline.StageProgress;
import org.metalearn4j.core.nn.BackboneSpec;
import org.metalearn4j.core.spi.ProviderRegistry;
import org.metalearn4j.core.state.StateDict;
import org.metalearn4j.core.task.Examples;
import org.metalearn4j.core.task.TaskType;
import org.metalearn4j.core.tensor.Autograd;
import org.metalearn4j.transfer.finetune.FinetunePlan;
import org.metalearn4j.transfer.model.Classifier;

/**
 * Per episode: a fresh classifier (from the pretrained backbone, or random weights when there is none) with a new
 * head for the episode's classes, fine-tuned on the support set by full-batch steps under a {@link FinetunePlan}.
 */
final class FinetuneAdapter implements Adapter {
    private final BackboneSpec spec;
    private final long[] inputShape;
    private final StateDict backbone;
    private final FinetunePlan plan;
    private final int steps;
    private final long seed;
    private final ProviderRegistry registry;

    /** {@code backbone} may be {@code null}: training from scratch on the support set. */
    FinetuneAdapter(BackboneSpec spec, long[] inputShape, StateDict backbone, FinetunePlan plan, int steps, long seed,
                    ProviderRegistry registry) {
        this.spec = spec;
        this.inputShape = inputShape.clone();
        this.backbone = backbone;
        this.plan = plan;
        this.steps = steps;
        this.seed = seed;
        this.registry = registry;
    }

    @Override
    public Predictor adapt(Examples support, TaskType type, int ways) {
        Classifier model = new Classifier(spec, inputShape, ways, seed, registry);
        if (backbone != null) {
            model.loadBackbone(backbone);
        }
        Set<String> frozen = plan.frozen(model, Set.of());
        StateDict start = model.state();
        model.train(support, null, steps, support.size(), plan.optimizer(frozen),
                backbone == null ? null : plan.regulariser(start, frozen), seed, StageProgress.NONE);
        model.restoreStatistics(start, layer -> frozen.contains(layer + ".weight"));
        return x -> {
            try (var ignored = Autograd.noGrad()) {
                return model.logits(x, false, 0).value();
            }
        };
    }
}

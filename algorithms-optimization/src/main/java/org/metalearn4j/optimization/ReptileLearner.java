package org.metalearn4j.optimization;

import java.util.List;
import java.util.Map;
import org.metalearn4j.core.learner.InnerLoop;
import org.metalearn4j.core.learner.Learner;
import org.metalearn4j.core.learner.LearnerContext;
import org.metalearn4j.core.learner.LearnerState;
import org.metalearn4j.core.learner.StatefulLearner;
import org.metalearn4j.core.learner.StepMetrics;
import org.metalearn4j.core.learner.TaskLoss;
import org.metalearn4j.core.learner.TrainingState;
import org.metalearn4j.core.nn.BackboneHeadModel;
import org.metalearn4j.core.nn.ForwardContext;
import org.metalearn4j.core.nn.Params;
import org.metalearn4j.core.nn.backbone.BackboneUse;
import org.metalearn4j.core.optim.UpdateRule;
import org.metalearn4j.core.task.Seeds;
import org.metalearn4j.core.task.Task;
import org.metalearn4j.core.task.TaskType;
import org.metalearn4j.core.tensor.Autograd;
import org.metalearn4j.core.tensor.Scope;
import org.metalearn4j.core.tensor.Tensor;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Reptile (Nichol et al., 2018), serial form: adapt a copy of the initialization to each task's support set with the
 * shared {@link InnerLoop} (no meta-gradient is ever taken), then move the initialization towards the adapted weights,
 * {@code theta += epsilon * (phi - theta)}, after each task, so the next task starts from the moved weights. With a
 * head built per task ({@link HeadInit#ZERO}, {@link HeadInit#PROTOTYPES}) only the backbone is meta-learned and
 * moved; the adapted head is dropped with the task.
 * {@link BatchedReptileLearner} moves once per meta-batch instead.
 */
public class ReptileLearner implements StatefulLearner {
    private final BackboneHeadModel model;
    private final ReptileConfig config;
    private final long seed;
    private final TrainingState state;

    ReptileLearner(ReptileConfig config, LearnerContext context, DataType dataType) {
        if (!config.head().metaLearned() && context.type() != TaskType.CLASSIFICATION) {
            throw new IllegalArgumentException("head: zero and prototypes build a classifier head for each task;"
                    + " the data set's tasks are " + context.type() + " (use learned)");
        }
        this.model = BackboneHeadModel.linearHead(context.backbone(config.backbone(), BackboneUse.FEATURES),
                context.outputs());
        this.config = config;
        this.seed = context.seed();
        Params init = model.init(context.seed(), dataType, context.initialBackbone());
        this.state = new TrainingState(config.head().metaLearned() ? init
                : init.filter(n -> !n.startsWith(BackboneHeadModel.HEAD + ".")), null, null);
    }

    /**
     * A freshly initialised learner: serial, or {@link BatchedReptileLearner} when {@code config.batched()}.
     *
     * @param dataType float32 for training; float64 for exactness tests
     */
    public static ReptileLearner create(ReptileConfig config, LearnerContext context, DataType dataType) {
        return config.batched() ? new BatchedReptileLearner(config, context, dataType)
                : new ReptileLearner(config, context, dataType);
    }

    @Override
    public StepMetrics step(List<Task> batch) {
        if (batch.isEmpty()) {
            throw new IllegalArgumentException("step: the meta-batch is empty");
        }
        Params theta = state.params();
        double loss = 0;
        double metric = 0;
        for (int i = 0; i < batch.size(); i++) {
            Adapted a = adapt(batch.get(i), i);
            for (String n : theta.names()) {
                INDArray delta = a.phi().get(n).value().sub(theta.get(n).value());
                theta.get(n).value().addi(delta.muli(config.epsilon()));
            }
            loss += a.loss();
            metric += a.metric();
        }
        state.stepDone();
        return new StepMetrics(loss / batch.size(), metric / batch.size(), Map.of());
    }

    /** One task's adapted weights, with the query loss and metric they reach. */
    record Adapted(Params phi, double loss, double metric) {
    }

    /**
     * The inner loop on a copy of the current initialization, with the head {@link ReptileConfig#head()} says;
     * nothing of the learner changes.
     */
    Adapted adapt(Task task, int index) {
        Params theta = state.params();
        DataType dataType = theta.tensors().get(0).dataType();
        TaskLoss support = TaskLoss.of(task.support(), task.type(), dataType);
        ForwardContext ctx = ForwardContext.training(Seeds.derive(seed, state.steps(), index));
        Params start = theta.copyAsVariables();
        EpisodeHead head = EpisodeHead.start(config.head(), start, task.support(), task.type(), task.ways(),
                GradientMetaLearner.featureWidth(model), () -> model.features(start, support.x(), ctx),
                EpisodeHead.Use.TRAINING);
        Params phi = InnerLoop.adapt(model.whole(), head.params(), support.x(), support,
                UpdateRule.sgd(config.innerLr()), config.innerSteps(), false, ctx);
        TaskLoss query = TaskLoss.of(task.query(), task.type(), dataType);
        try (Scope noGrad = Autograd.noGrad()) {
            Tensor out = model.whole().forward(phi, query.x(), ctx);
            return new Adapted(phi, query.loss(out).item(), query.metric(out));
        }
    }

    ReptileConfig config() {
        return config;
    }

    TrainingState training() {
        return state;
    }

    @Override
    public FineTuneAdapter adapter() {
        return new FineTuneAdapter(model, AdaptationScope.WHOLE, config.head(), MamlConfig.BatchStatistics.SEPARATE,
                state.params(), null, config.innerLr(), config.evalInnerSteps());
    }

    @Override
    public LearnerState learnerState() {
        return state;
    }

    /** The network these weights run in. */
    public BackboneHeadModel model() {
        return model;
    }
}

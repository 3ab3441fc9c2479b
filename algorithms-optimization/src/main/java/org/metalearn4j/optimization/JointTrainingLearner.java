package org.metalearn4j.optimization;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.metalearn4j.core.backend.StepArena;
import org.metalearn4j.core.learner.LearnerContext;
import org.metalearn4j.core.learner.LearnerState;
import org.metalearn4j.core.learner.StatefulLearner;
import org.metalearn4j.core.learner.StepMetrics;
import org.metalearn4j.core.learner.TaskLoss;
import org.metalearn4j.core.learner.TaskResult;
import org.metalearn4j.core.learner.TaskResults;
import org.metalearn4j.core.learner.TaskwiseLearner;
import org.metalearn4j.core.learner.TrainingState;
import org.metalearn4j.core.nn.BackboneHeadModel;
import org.metalearn4j.core.nn.ForwardContext;
import org.metalearn4j.core.nn.Params;
import org.metalearn4j.core.nn.backbone.BackboneUse;
import org.metalearn4j.core.optim.GradClip;
import org.metalearn4j.core.state.StateDict;
import org.metalearn4j.core.task.Examples;
import org.metalearn4j.core.task.Seeds;
import org.metalearn4j.core.task.Task;
import org.metalearn4j.core.tensor.Autograd;
import org.metalearn4j.core.tensor.Tensor;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The pretrained baseline of the MAML literature: one network trained on the pooled examples of every task (support
 * and query alike, no adaptation while training), then fine-tuned to an evaluation task's support set with the same
 * kind of SGD steps MAML's adapter takes ({@link FineTuneAdapter}). It needs tasks whose labels mean the same in
 * every task: regression, or classification with fixed classes (the sites of a clinical data set); N-way episodes
 * with per-episode labels need the {@code pretrain} stage over the flat labelled set instead.
 */
public final class JointTrainingLearner implements TaskwiseLearner, StatefulLearner {
    private final BackboneHeadModel model;
    private final JointConfig config;
    private final TrainingState state;
    private final long seed;

    private JointTrainingLearner(BackboneHeadModel model, JointConfig config, Params params, long seed) {
        this.model = model;
        this.config = config;
        this.state = new TrainingState(params, config.optimizer().create(), null);
        this.seed = seed;
    }

    /** A freshly initialised learner; {@code dataType} float32 for training, float64 for checks. */
    public static JointTrainingLearner create(JointConfig config, LearnerContext context, DataType dataType) {
        BackboneHeadModel model = BackboneHeadModel.linearHead(context.backbone(config.backbone(),
                BackboneUse.FEATURES), context.outputs());
        return new JointTrainingLearner(model, config, model.init(context.seed(), dataType,
                context.initialBackbone()), context.seed());
    }

    /** The gradient of the loss on the task's support and query examples together. */
    @Override
    public TaskResult computeTask(Task task, int index) {
        Params params = state.params();
        DataType dataType = params.tensors().get(0).dataType();
        try (StepArena arena = StepArena.open()) {
            Examples all = new Examples(Nd4j.concat(0, task.support().x(), task.query().x()),
                    Nd4j.concat(0, task.support().y(), task.query().y()));
            TaskLoss pooled = TaskLoss.of(all, task.type(), dataType);
            Tensor output = model.forward(params, pooled.x(), ForwardContext.training(Seeds.derive(seed,
                    state.steps(), index)));
            Tensor loss = pooled.loss(output);
            List<Tensor> grads = Autograd.grad(List.of(loss), null, params.tensors(), false, true);
            StateDict gradient = StepArena.outside(() -> params.withTensors(grads).toStateDict());
            return new TaskResult(gradient, loss.item(), pooled.metric(output), Map.of());
        }
    }

    /** The mean of the tasks' gradients in task order, clipped if configured, applied by the optimizer. */
    @Override
    public StepMetrics applyResults(List<TaskResult> results) {
        Params params = state.params();
        Params grads = params.withTensors(Arrays.stream(TaskResults.mean(results, params.names()))
                .map(Tensor::constant).toList());
        double norm = GradClip.globalNorm(grads);
        if (config.gradClip() > 0) {
            grads = GradClip.clipByGlobalNorm(grads, config.gradClip());
        }
        config.optimizer().scheduleNext(state);
        state.step(grads);
        return TaskResults.metrics(results, Map.of("gradNorm", norm));
    }

    @Override
    public int taskThreads() {
        return config.taskThreads();
    }

    /** Fine-tunes a copy of the pooled network with {@code fineTuneSteps} SGD steps on the support set. */
    @Override
    public FineTuneAdapter adapter() {
        return adapter(config.fineTuneSteps());
    }

    /** As {@link #adapter()} with another number of steps; 0 predicts with the pooled network. */
    public FineTuneAdapter adapter(int steps) {
        return new FineTuneAdapter(model, AdaptationScope.WHOLE, HeadInit.LEARNED, MamlConfig.BatchStatistics.SEPARATE,
                state.params(), null, config.fineTuneLr(), steps);
    }

    @Override
    public LearnerState learnerState() {
        return state;
    }
}

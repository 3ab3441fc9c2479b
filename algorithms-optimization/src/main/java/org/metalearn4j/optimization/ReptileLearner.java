package org.metalearn4j.optimization;

import java.util.List;
import java.util.Map;
import org.metalearn4j.core.learner.Learner;
import org.metalearn4j.core.learner.LearnerContext;
import org.metalearn4j.core.learner.StepMetrics;
import org.metalearn4j.core.nn.ForwardContext;
import org.metalearn4j.core.nn.Params;
import org.metalearn4j.core.optim.UpdateRule;
import org.metalearn4j.core.state.StateDict;
import org.metalearn4j.core.task.Seeds;
import org.metalearn4j.core.task.Task;
import org.metalearn4j.core.tensor.Autograd;
import org.metalearn4j.core.tensor.Scope;
import org.metalearn4j.core.tensor.TaskPool;
import org.metalearn4j.core.tensor.Tensor;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Reptile (Nichol et al., 2018): adapt a copy of the initialization to each task's support set with the shared
 * {@link InnerLoop} (no meta-gradient is ever taken), then move the initialization towards the adapted weights:
 * {@code theta += epsilon * (phi - theta)} after each task (serial) or towards the meta-batch mean (batched), whose
 * tasks are adapted {@code taskThreads} at a time and summed in task order.
 */
public final class ReptileLearner implements Learner {
    private final SplitModel model;
    private final ReptileConfig config;
    private final long seed;
    private Params theta;
    private long steps;

    private ReptileLearner(SplitModel model, ReptileConfig config, Params theta, long seed) {
        this.model = model;
        this.config = config;
        this.theta = theta;
        this.seed = seed;
    }

    /**
     * A freshly initialised learner.
     *
     * @param dataType float32 for training; float64 for exactness tests
     */
    public static ReptileLearner create(ReptileConfig config, LearnerContext context, DataType dataType) {
        SplitModel model = SplitModel.build(config.backbone(), context);
        Params theta = model.init(context.seed(), dataType);
        if (context.initialBackbone().isPresent()) {
            theta = SplitModel.withBody(theta, context.initialBackbone().get());
        }
        return new ReptileLearner(model, config, theta, context.seed());
    }

    @Override
    public StepMetrics step(List<Task> batch) {
        if (batch.isEmpty()) {
            throw new IllegalArgumentException("step: the meta-batch is empty");
        }
        List<String> names = theta.names();
        double loss = 0;
        double metric = 0;
        if (config.batched()) {
            List<Adapted> adapted = TaskPool.map(config.taskThreads(), batch.size(), i -> adapt(batch.get(i), i));
            INDArray[] sum = new INDArray[names.size()];
            for (Adapted a : adapted) {
                for (int k = 0; k < names.size(); k++) {
                    INDArray delta = a.phi().get(names.get(k)).value().sub(theta.get(names.get(k)).value());
                    sum[k] = sum[k] == null ? delta : sum[k].addi(delta);
                }
                loss += a.loss();
                metric += a.metric();
            }
            for (int k = 0; k < names.size(); k++) {
                theta.get(names.get(k)).value().addi(sum[k].muli(config.epsilon() / batch.size()));
            }
        } else {
            for (int i = 0; i < batch.size(); i++) {
                Adapted a = adapt(batch.get(i), i);
                for (String n : names) {
                    INDArray delta = a.phi().get(n).value().sub(theta.get(n).value());
                    theta.get(n).value().addi(delta.muli(config.epsilon()));
                }
                loss += a.loss();
                metric += a.metric();
            }
        }
        steps++;
        return new StepMetrics(loss / batch.size(), metric / batch.size(), Map.of());
    }

    /** One task's adapted weights, with the query loss and metric they reach. */
    private record Adapted(Params phi, double loss, double metric) {
    }

    private Adapted adapt(Task task, int index) {
        DataType dataType = theta.tensors().get(0).dataType();
        TaskLoss support = TaskLoss.of(task.support(), task.type(), dataType);
        ForwardContext ctx = ForwardContext.training(Seeds.derive(seed, steps, index));
        Params phi = InnerLoop.adapt(model.whole(), theta.copyAsVariables(), support.x(), support,
                UpdateRule.sgd(config.innerLr()), config.innerSteps(), false, ctx);
        TaskLoss query = TaskLoss.of(task.query(), task.type(), dataType);
        try (Scope noGrad = Autograd.noGrad()) {
            Tensor out = model.whole().forward(phi, query.x(), ctx);
            return new Adapted(phi, query.loss(out).item(), query.metric(out));
        }
    }

    @Override
    public FineTuneAdapter adapter() {
        return new FineTuneAdapter(model, AdaptationScope.WHOLE, theta, null, config.innerLr(),
                config.evalInnerSteps());
    }

    @Override
    public StateDict state() {
        StateDict sd = new StateDict();
        sd.putAll("params.", theta.toStateDict());
        sd.putLongs("steps", steps);
        return sd;
    }

    @Override
    public void load(StateDict state) {
        theta = theta.load(state.withPrefix("params."));
        steps = state.getLongs("steps")[0];
    }

    @Override
    public StateDict backbone() {
        return theta.scope(SplitModel.BODY).toStateDict();
    }

    /** The network these weights run in. */
    public SplitModel model() {
        return model;
    }
}

package org.metalearn4j.optimization;

import java.util.List;
import java.util.Map;
import org.metalearn4j.core.learner.Learner;
import org.metalearn4j.core.learner.LearnerContext;
import org.metalearn4j.core.learner.StepMetrics;
import org.metalearn4j.core.nn.ForwardContext;
import org.metalearn4j.core.nn.Params;
import org.metalearn4j.core.state.StateDict;
import org.metalearn4j.core.task.Seeds;
import org.metalearn4j.core.task.Task;
import org.metalearn4j.core.tensor.Autograd;
import org.metalearn4j.core.tensor.Scope;
import org.metalearn4j.core.tensor.Tensor;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Reptile (Nichol et al., 2018): adapt a copy of the initialization to each task's support set with the shared
 * {@link InnerLoop} (no meta-gradient is ever taken), then move the initialization towards the adapted weights:
 * {@code theta += epsilon * (phi - theta)} after each task (serial) or towards the meta-batch mean (batched).
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
        INDArray[] meanDelta = new INDArray[names.size()];
        double loss = 0;
        double metric = 0;
        DataType dataType = theta.tensors().get(0).dataType();
        for (int i = 0; i < batch.size(); i++) {
            Task task = batch.get(i);
            TaskLoss support = TaskLoss.of(task.support(), task.type(), dataType);
            ForwardContext ctx = ForwardContext.training(Seeds.derive(seed, steps, i));
            Params phi = InnerLoop.adapt(model.whole(), theta.copyAsVariables(), support.x(), support,
                    StepSize.constant(config.innerLr()), config.innerSteps(), false, ctx);
            TaskLoss query = TaskLoss.of(task.query(), task.type(), dataType);
            try (Scope noGrad = Autograd.noGrad()) {
                Tensor out = model.whole().forward(phi, query.x(), ctx);
                loss += query.loss(out).item();
                metric += query.metric(out);
            }
            for (int k = 0; k < names.size(); k++) {
                INDArray delta = phi.get(names.get(k)).value().sub(theta.get(names.get(k)).value());
                if (config.batched()) {
                    meanDelta[k] = meanDelta[k] == null ? delta : meanDelta[k].addi(delta);
                } else {
                    theta.get(names.get(k)).value().addi(delta.muli(config.epsilon()));
                }
            }
        }
        if (config.batched()) {
            for (int k = 0; k < names.size(); k++) {
                theta.get(names.get(k)).value().addi(meanDelta[k].muli(config.epsilon() / batch.size()));
            }
        }
        steps++;
        return new StepMetrics(loss / batch.size(), metric / batch.size(), Map.of());
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

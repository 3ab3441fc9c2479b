package org.metalearn4j.optimization.rl;

import java.util.List;
import org.metalearn4j.core.nn.ForwardContext;
import org.metalearn4j.core.nn.Init;
import org.metalearn4j.core.nn.Linear;
import org.metalearn4j.core.nn.Module;
import org.metalearn4j.core.nn.ParameterSpec;
import org.metalearn4j.core.nn.Params;
import org.metalearn4j.core.tensor.Tensor;

/**
 * The head of a diagonal Gaussian policy: a linear map from features to the action mean ({@code weight},
 * {@code bias}), and a state-independent log standard deviation per action coordinate ({@code logStd}), adapted and
 * meta-learned like the weights. {@link #forward} returns the mean; {@link GaussianPolicy} reads {@code logStd}.
 */
final class GaussianHead implements Module {
    static final String LOG_STD = "logStd";

    private final Linear mean;
    private final int actions;
    private final double initialLogStd;

    GaussianHead(int features, int actions, double initialLogStd) {
        this.mean = new Linear(features, actions);
        this.actions = actions;
        this.initialLogStd = initialLogStd;
    }

    @Override
    public List<ParameterSpec> parameterSpecs() {
        List<ParameterSpec> specs = new java.util.ArrayList<>(mean.parameterSpecs());
        specs.add(new ParameterSpec(LOG_STD, new long[] {actions}, new Init.Constant(initialLogStd)));
        return specs;
    }

    @Override
    public Tensor forward(Params params, Tensor x, ForwardContext ctx) {
        return mean.forward(params, x, ctx);
    }
}

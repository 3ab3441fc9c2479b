package org.metalearn4j.optimization.rl;

import org.metalearn4j.core.nn.BackboneHeadModel;
import org.metalearn4j.core.nn.ForwardContext;
import org.metalearn4j.core.nn.Params;
import org.metalearn4j.core.nn.backbone.Backbone;
import org.metalearn4j.core.tensor.Tensor;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A diagonal Gaussian policy {@code a ~ N(mu(s), diag(exp(logStd))^2)}: a backbone (the {@code mlp} with tanh layers
 * of Finn et al.) and a {@link GaussianHead}, in core's {@link BackboneHeadModel} shape, so its parameters are named
 * {@code backbone.*} and {@code head.*} like every other model's.
 */
public final class GaussianPolicy {
    private static final double LOG_2PI = Math.log(2 * Math.PI);

    private final BackboneHeadModel model;
    private final int actions;

    GaussianPolicy(Backbone backbone, int actions, double initialLogStd) {
        this.model = new BackboneHeadModel(backbone.module(),
                new GaussianHead(Math.toIntExact(backbone.featureSize()), actions, initialLogStd));
        this.actions = actions;
    }

    /** The network. */
    public BackboneHeadModel model() {
        return model;
    }

    /** Width of an action. */
    public int actions() {
        return actions;
    }

    /** Action means {@code [N, actions]} for observations {@code [N, observation]}. */
    public Tensor mean(Params params, Tensor observations) {
        return model.forward(params, observations, ForwardContext.eval());
    }

    /** The log standard deviations {@code [actions]}. */
    public Tensor logStd(Params params) {
        return params.scope(BackboneHeadModel.HEAD).get(GaussianHead.LOG_STD);
    }

    /**
     * {@code log pi(a | s)} per row, {@code [N]}: {@code -0.5 * sum(((a - mu) / sigma)^2) - sum(logStd)
     * - 0.5 * actions * log(2 pi)}, differentiable in {@code params} to any order.
     */
    public Tensor logProb(Params params, Tensor observations, Tensor actionsTaken) {
        Tensor logStd = logStd(params);
        Tensor z = actionsTaken.sub(mean(params, observations)).mul(logStd.neg().exp());
        return z.square().sum(false, 1).mul(-0.5).sub(logStd.sum()).sub(0.5 * actions * LOG_2PI);
    }

    /** Observations as a constant in the parameters' data type. */
    static Tensor constant(double[] values, long rows, long columns, DataType type) {
        INDArray a = Nd4j.create(values, new long[] {rows, columns}, DataType.DOUBLE);
        return Tensor.constant(type == DataType.DOUBLE ? a : a.castTo(type));
    }
}

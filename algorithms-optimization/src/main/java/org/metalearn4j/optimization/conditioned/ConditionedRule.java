package org.metalearn4j.optimization.conditioned;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.metalearn4j.core.nn.Params;
import org.metalearn4j.core.optim.UpdateRule;
import org.metalearn4j.core.tensor.Tensor;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The task-conditioned inner update {@code p - base[p] * layerScale[layer(p)] * stepWeight[s] * g} at inner step s:
 * per-entry base rates (Meta-SGD's, or one fixed rate) modulated by the rates a network read from this task's support
 * set. Differentiable in the base rates, the scales and the weights. The state counts the steps taken ({@code step}).
 */
final class ConditionedRule implements UpdateRule {
    private final Params baseRates;
    private final double innerLr;
    private final Tensor layerScale;
    private final Tensor stepWeights;
    private final Map<String, Integer> layerOf;

    /**
     * @param baseRates   learned per-entry rates named like the parameters, or null for {@code innerLr}
     * @param layerScale  {@code [layers]}
     * @param stepWeights {@code [steps]}
     * @param layerOf     each adapted parameter's layer index
     */
    ConditionedRule(Params baseRates, double innerLr, Tensor layerScale, Tensor stepWeights,
                    Map<String, Integer> layerOf) {
        this.baseRates = baseRates;
        this.innerLr = innerLr;
        this.layerScale = layerScale;
        this.stepWeights = stepWeights;
        this.layerOf = Map.copyOf(layerOf);
    }

    @Override
    public Params initialState(Params params) {
        return Params.of(List.of("step"), List.of(Tensor.constant(Nd4j.scalar(params.tensors().get(0).dataType(),
                0.0))));
    }

    @Override
    public Step step(Params params, Params grads, Tensor loss, Params state) {
        int s = (int) state.get("step").item();
        if (s >= stepWeights.length()) {
            throw new IllegalStateException("task-conditioned optimizer: it has step weights for "
                    + stepWeights.length() + " inner steps, asked for step " + (s + 1));
        }
        Tensor weight = stepWeights.slice(0, s, s + 1);
        List<String> names = params.names();
        List<Tensor> next = new ArrayList<>(names.size());
        for (String n : names) {
            Tensor p = params.get(n);
            if (!grads.contains(n)) {
                next.add(p);
                continue;
            }
            int layer = layerOf.get(n);
            Tensor scale = layerScale.slice(0, layer, layer + 1).mul(weight);
            Tensor rate = baseRates == null ? scale.mul(innerLr) : baseRates.get(n).mul(scale);
            next.add(p.sub(grads.get(n).mul(rate)));
        }
        Tensor counter = Tensor.constant(Nd4j.scalar(state.get("step").dataType(), s + 1.0));
        return new Step(Params.of(names, next), Params.of(List.of("step"), List.of(counter)));
    }
}

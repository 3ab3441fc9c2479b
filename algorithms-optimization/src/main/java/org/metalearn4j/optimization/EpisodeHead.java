package org.metalearn4j.optimization;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.metalearn4j.core.nn.BackboneHeadModel;
import org.metalearn4j.core.nn.ClassMeans;
import org.metalearn4j.core.nn.LearnedHead;
import org.metalearn4j.core.nn.Params;
import org.metalearn4j.core.task.Examples;
import org.metalearn4j.core.task.TaskType;
import org.metalearn4j.core.tensor.Autograd;
import org.metalearn4j.core.tensor.Scope;
import org.metalearn4j.core.tensor.Tensor;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The weights an episode's inner loop starts from, as {@link HeadInit} says, and the meta-gradient that goes with
 * them. A head built for the episode enters the inner loop as leaf variables, so inner gradients treat it as a weight
 * of its own; where its values came from the meta-parameters (prototypes of the support features), the meta-gradient
 * reaching those leaves is chained back through that computation.
 *
 * @param params  backbone and head weights to adapt from
 * @param leaves  the head's starting weight and bias as leaf variables, or empty when the meta-learned head is used as
 *                it is
 * @param sources what the leaves' values were computed from, differentiable in the meta-parameters, or empty
 */
record EpisodeHead(Params params, List<Tensor> leaves, List<Tensor> sources) {
    private static final String HEAD = BackboneHeadModel.HEAD + ".";
    private static final String WEIGHT = HEAD + "weight";
    private static final String BIAS = HEAD + "bias";

    /** Why the head is built: what may differ from meta-training and whether a meta-gradient follows. */
    enum Use {
        /** A meta-training task whose meta-gradient is taken (MAML family): prototypes stay differentiable. */
        META_GRADIENT,
        /** A meta-training task without a meta-gradient (Reptile). */
        TRAINING,
        /** An evaluation episode: a meta-learned head may meet another number of classes. */
        EVALUATION
    }

    /**
     * The starting weights for an episode of {@code ways} classes.
     *
     * @param weights  the meta-learned weights (no learned step sizes)
     * @param width    the backbone's feature width
     * @param features the support set's backbone features, computed on demand (prototypes only)
     * @throws IllegalArgumentException in training, when a meta-learned head meets another number of classes
     */
    static EpisodeHead start(HeadInit init, Params weights, Examples support, TaskType type, int ways, long width,
                             Supplier<Tensor> features, Use use) {
        if (type != TaskType.CLASSIFICATION) {
            return new EpisodeHead(weights, List.of(), List.of());
        }
        DataType dataType = weights.tensors().get(0).dataType();
        switch (init) {
            case LEARNED -> {
                long rows = weights.get(WEIGHT).shape()[0];
                if (rows == ways) {
                    return new EpisodeHead(weights, List.of(), List.of());
                }
                if (use != Use.EVALUATION) {
                    throw new IllegalArgumentException("episode has " + ways + " ways but the meta-learned head has "
                            + rows + " outputs (train.way); head: zero or prototypes train on any number of ways");
                }
                Params resized = LearnedHead.forWays(weights, BackboneHeadModel.HEAD, type, ways);
                return new EpisodeHead(resized, List.of(resized.get(WEIGHT), resized.get(BIAS)), List.of());
            }
            case ZERO -> {
                return built(weights, Nd4j.zeros(dataType, ways, width), Nd4j.zeros(dataType, ways));
            }
            case PROTOTYPES -> {
                int[] labels = support.y().castTo(DataType.INT).toIntVector();
                if (use != Use.META_GRADIENT) {
                    try (Scope noGrad = Autograd.noGrad()) {
                        Tensor c = ClassMeans.of(features.get(), labels, ways);
                        return built(weights, c.mul(2.0).value(), c.square().sum(false, 1).neg().value());
                    }
                }
                Tensor c = ClassMeans.of(features.get(), labels, ways);
                Tensor w = c.mul(2.0);
                Tensor b = c.square().sum(false, 1).neg();
                EpisodeHead head = built(weights, w.value(), b.value());
                return new EpisodeHead(head.params(), head.leaves(), List.of(w, b));
            }
            default -> throw new IllegalStateException("head: " + init);
        }
    }

    /**
     * The meta-gradient of {@code loss} with respect to {@code meta}: through the inner loop to the meta-parameters
     * directly and, for a head computed from them, through its leaves and their sources.
     */
    List<Tensor> metaGradient(Tensor loss, List<Tensor> meta) {
        if (leaves.isEmpty()) {
            return Autograd.grad(List.of(loss), null, meta, false, true);
        }
        List<Tensor> inputs = new ArrayList<>(meta);
        inputs.addAll(leaves);
        List<Tensor> all = Autograd.grad(List.of(loss), null, inputs, false, true);
        List<Tensor> grads = new ArrayList<>(all.subList(0, meta.size()));
        if (!sources.isEmpty()) {
            List<Tensor> chained = Autograd.grad(sources, all.subList(meta.size(), all.size()), meta, false, true);
            for (int i = 0; i < grads.size(); i++) {
                grads.set(i, grads.get(i).add(chained.get(i)));
            }
        }
        return grads;
    }

    /** {@code weights} with the head replaced by fresh leaves holding {@code weight} and {@code bias}. */
    private static EpisodeHead built(Params weights, INDArray weight, INDArray bias) {
        Tensor w = Tensor.variable(weight.dup());
        Tensor b = Tensor.variable(bias.dup());
        Map<String, Tensor> all = new LinkedHashMap<>();
        for (String name : weights.names()) {
            if (!name.startsWith(HEAD)) {
                all.put(name, weights.get(name));
            }
        }
        all.put(WEIGHT, w);
        all.put(BIAS, b);
        return new EpisodeHead(Params.of(all), List.of(w, b), List.of());
    }
}

package org.metalearn4j.optimization;

import java.util.LinkedHashMap;
import java.util.Map;
import org.metalearn4j.core.nn.BackboneHeadModel;
import org.metalearn4j.core.nn.ForwardContext;
import org.metalearn4j.core.nn.Module;
import org.metalearn4j.core.nn.Params;
import org.metalearn4j.core.tensor.Tensor;

/** Which part of a {@link BackboneHeadModel} the inner loop adapts. */
enum AdaptationScope {
    /** Every parameter (MAML, FOMAML, Meta-SGD, Reptile). */
    WHOLE,
    /**
     * The head only (ANIL, Raghu et al. 2020): the backbone is run once per set of inputs and its features are the
     * inner loop's input; the backbone still receives meta-gradients through them.
     */
    HEAD;

    /** The module the inner loop runs. */
    Module net(BackboneHeadModel model) {
        return this == WHOLE ? model.whole() : model.head();
    }

    /** What {@link #net} takes as input for raw inputs {@code x}. */
    Tensor input(BackboneHeadModel model, Params all, Tensor x, ForwardContext ctx) {
        return this == WHOLE ? x : model.features(all, x, ctx);
    }

    /** The weights the inner loop adapts, named as {@link #net} expects. */
    Params adapted(Params all) {
        return this == WHOLE ? all : all.scope(BackboneHeadModel.HEAD);
    }

    /** The whole network's weights with the adapted part replaced by {@code fast}. */
    Params merge(Params all, Params fast) {
        if (this == WHOLE) {
            return fast;
        }
        String prefix = BackboneHeadModel.HEAD + ".";
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (String name : all.names()) {
            out.put(name, name.startsWith(prefix) ? fast.get(name.substring(prefix.length())) : all.get(name));
        }
        return Params.of(out);
    }
}

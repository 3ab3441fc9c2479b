package org.metalearn4j.transfer.multitask;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.metalearn4j.core.nn.BackboneSpec;
import org.metalearn4j.core.nn.ForwardContext;
import org.metalearn4j.core.nn.Linear;
import org.metalearn4j.core.nn.Module;
import org.metalearn4j.core.nn.Params;
import org.metalearn4j.core.nn.RunningStats;
import org.metalearn4j.core.nn.Sequential;
import org.metalearn4j.core.nn.backbone.Backbone;
import org.metalearn4j.core.nn.backbone.BackboneUse;
import org.metalearn4j.core.spi.ProviderRegistry;
import org.metalearn4j.core.state.StateDict;
import org.metalearn4j.core.tensor.Tensor;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A shared trunk ({@code backbone.*}) with one linear head per task ({@code head<i>.*}) and one log-variance scalar per
 * task ({@code logvar.<i>}, used only by uncertainty weighting).
 */
final class MultiHeadNetwork {
    private final Module trunk;
    private final Map<String, Module> heads = new LinkedHashMap<>();
    private final RunningStats stats = new RunningStats();
    private final Params params;

    MultiHeadNetwork(BackboneSpec spec, long[] inputShape, List<Integer> classesPerTask, long seed,
                     ProviderRegistry registry) {
        Backbone backbone = spec.build(registry, inputShape, BackboneUse.FEATURES);
        this.trunk = backbone.module();
        Map<String, Module> parts = new LinkedHashMap<>();
        parts.put("backbone", trunk);
        for (int t = 0; t < classesPerTask.size(); t++) {
            Module head = new Linear(Math.toIntExact(backbone.featureSize()), classesPerTask.get(t));
            heads.put("head" + t, head);
            parts.put("head" + t, head);
        }
        Params init = Sequential.named(parts).init(seed);
        Map<String, Tensor> all = new LinkedHashMap<>();
        init.names().forEach(n -> all.put(n, init.get(n)));
        for (int t = 0; t < classesPerTask.size(); t++) {
            all.put("logvar." + t, Tensor.variable(Nd4j.scalar(DataType.FLOAT, 0f)));
        }
        this.params = Params.of(all);
    }

    Params params() {
        return params;
    }

    /** Task {@code t}'s logits, trunk in training mode. */
    Tensor logits(int t, INDArray x, long seed) {
        ForwardContext ctx = new ForwardContext(true, stats, seed);
        Tensor features = trunk.forward(params.scope("backbone"), Tensor.constant(x.castTo(DataType.FLOAT)), ctx);
        return heads.get("head" + t).forward(params.scope("head" + t), features, ctx);
    }

    Tensor logVariance(int t) {
        return params.get("logvar." + t);
    }

    /** The trunk's parameters and batch-norm statistics, named as the backbone module names them. */
    StateDict trunkState() {
        StateDict sd = params.toStateDict();
        stats.toStateDict().asMap().forEach(sd::put);
        return sd.withPrefix("backbone.");
    }
}

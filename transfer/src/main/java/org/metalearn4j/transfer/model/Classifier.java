package org.metalearn4j.transfer.model;

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
import org.metalearn4j.core.state.StateDict;
import org.metalearn4j.core.tensor.Autograd;
import org.metalearn4j.core.tensor.Tensor;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A backbone plus a linear head, with its weights and batch-norm statistics. Parameter names are
 * {@code backbone.<backbone name>} and {@code head.weight}/{@code head.bias}; a BACKBONE artifact holds the backbone
 * entries without the {@code backbone.} prefix (as the backbone module names them), parameters and statistics alike.
 */
public final class Classifier {
    public static final String BACKBONE = "backbone.";
    public static final String HEAD = "head.";

    private final BackboneSpec spec;
    private final Module backbone;
    private final Sequential network;
    private final RunningStats stats = new RunningStats();
    private Params params;

    /** Fresh weights: parameter {@code i} from {@code Seeds.derive(seed, i)}. */
    public Classifier(BackboneSpec spec, long[] inputShape, int classes, long seed) {
        this.spec = spec;
        this.backbone = spec.build(inputShape);
        Map<String, Module> parts = new LinkedHashMap<>();
        parts.put("backbone", backbone);
        parts.put("head", new Linear((int) spec.featureSize(inputShape), classes));
        this.network = Sequential.named(parts);
        this.params = network.init(seed);
    }

    /** The live parameters (leaf variables updated in place by an optimizer). */
    public Params params() {
        return params;
    }

    /** Overwrites the backbone's parameters and statistics with those of a BACKBONE artifact's state. */
    public void loadBackbone(StateDict backboneState) {
        StateDict full = new StateDict().putAll(BACKBONE, backboneState);
        Params loadedBackbone = params.filter(n -> n.startsWith(BACKBONE)).load(full);
        Map<String, Tensor> merged = new LinkedHashMap<>();
        for (String n : params.names()) {
            merged.put(n, n.startsWith(BACKBONE) ? loadedBackbone.get(n) : params.get(n));
        }
        params = Params.of(merged);
        stats.load(statistics(full));
    }

    /** Restores everything {@link #state()} saved (parameters and statistics; flags are read by the caller). */
    public void load(StateDict state) {
        params = params.load(state);
        stats.load(statistics(state));
    }

    /** Logits [n, classes]; training mode uses batch statistics and updates the running ones. */
    public Tensor logits(INDArray x, boolean training, long seed) {
        ForwardContext ctx = new ForwardContext(training, stats, seed);
        return network.forward(params, Tensor.constant(x.castTo(DataType.FLOAT)), ctx);
    }

    /** Backbone features [n, d] in evaluation mode, without building a graph. */
    public INDArray features(INDArray x) {
        try (var ignored = Autograd.noGrad()) {
            ForwardContext ctx = new ForwardContext(false, stats, 0);
            return backbone.forward(params.scope("backbone"), Tensor.constant(x.castTo(DataType.FLOAT)), ctx).value();
        }
    }

    /**
     * Puts back the batch-norm statistics of the layers {@code frozenLayer} accepts (by layer path, e.g.
     * {@code backbone.0.bn}) from {@code snapshot}: training-mode forward passes update them even when the layer's
     * weights are frozen.
     */
    public void restoreStatistics(StateDict snapshot, java.util.function.Predicate<String> frozenLayer) {
        StateDict current = stats.toStateDict();
        StateDict merged = new StateDict();
        current.asMap().forEach((k, v) -> {
            String layer = k.substring(0, k.lastIndexOf('.'));
            merged.put(k, frozenLayer.test(layer) && snapshot.contains(k) ? snapshot.get(k) : v);
        });
        stats.load(merged);
    }

    /** Parameters and statistics, full names. */
    public StateDict state() {
        StateDict sd = params.toStateDict();
        stats.toStateDict().asMap().forEach(sd::put);
        return sd;
    }

    /** The backbone's parameters and statistics without the {@code backbone.} prefix. */
    public StateDict backboneState() {
        return state().withPrefix(BACKBONE);
    }

    /** Names of the backbone's top-level blocks in order (e.g. conv4: 0..3; mlp: its linear layers). */
    public List<String> backboneBlocks() {
        return params.names().stream().filter(n -> n.startsWith(BACKBONE))
                .map(n -> n.substring(BACKBONE.length(), n.indexOf('.', BACKBONE.length())))
                .distinct().toList();
    }

    private static StateDict statistics(StateDict state) {
        StateDict out = new StateDict();
        state.asMap().forEach((k, v) -> {
            if (k.endsWith(".running_mean") || k.endsWith(".running_var")) {
                out.put(k, v);
            }
        });
        return out;
    }
}

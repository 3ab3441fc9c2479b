package org.metalearn4j.core.nn;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.metalearn4j.core.nn.backbone.Backbone;
import org.metalearn4j.core.state.StateDict;
import org.metalearn4j.core.tensor.Tensor;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The one model shape of the framework: a backbone (feature extractor, parameters {@code backbone.*}) followed by a
 * head (parameters {@code head.*}). Optimization learners adapt all of it or the head alone, metric learners give
 * the head a metric, transfer stages train it as a classifier; all of them name parameters this way, so a BACKBONE
 * artifact (the {@code backbone.*} entries without the prefix, batch-norm statistics included) moves between them.
 *
 * <p>Like every {@link Module}, the model holds no weights: they come in as {@link Params} on every call.
 */
public final class BackboneHeadModel {
    /** The backbone's parameter scope. */
    public static final String BACKBONE = "backbone";
    /** The head's parameter scope. */
    public static final String HEAD = "head";

    private final Module backbone;
    private final Module head;
    private final Sequential whole;

    public BackboneHeadModel(Module backbone, Module head) {
        this.backbone = backbone;
        this.head = head;
        Map<String, Module> parts = new LinkedHashMap<>();
        parts.put(BACKBONE, backbone);
        parts.put(HEAD, head);
        this.whole = Sequential.named(parts);
    }

    /** {@code backbone} followed by a linear layer to {@code outputs} (logits or regression targets). */
    public static BackboneHeadModel linearHead(Backbone backbone, int outputs) {
        return new BackboneHeadModel(backbone.module(), new Linear(Math.toIntExact(backbone.featureSize()), outputs));
    }

    /** Fresh parameters of backbone and head; parameter {@code i} is drawn from {@code Seeds.derive(seed, i)}. */
    public Params init(long seed, DataType type) {
        return whole.init(seed, type);
    }

    /** As {@link #init(long, DataType)}, with the backbone's parameters from a pretrained BACKBONE state if given. */
    public Params init(long seed, DataType type, Optional<StateDict> pretrainedBackbone) {
        Params fresh = init(seed, type);
        return pretrainedBackbone.map(b -> withBackbone(fresh, b)).orElse(fresh);
    }

    /** Backbone then head, as one module over the whole parameter set. */
    public Module whole() {
        return whole;
    }

    public Module backbone() {
        return backbone;
    }

    public Module head() {
        return head;
    }

    /** The backbone's features {@code [N, d]} of a batch, from the {@code backbone.*} part of {@code params}. */
    public Tensor features(Params params, Tensor x, ForwardContext ctx) {
        return backbone.forward(params.scope(BACKBONE), x, ctx);
    }

    /** The head's output for a batch. */
    public Tensor forward(Params params, Tensor x, ForwardContext ctx) {
        return whole.forward(params, x, ctx);
    }

    /**
     * {@code params} with every {@code backbone.*} entry replaced, as a fresh leaf variable, by the entry of
     * {@code backbone} of the same name without the prefix (other entries of {@code backbone}, such as batch-norm
     * statistics, are ignored here; see {@link #loadStatistics}); fails naming a missing entry or a shape that differs.
     */
    public static Params withBackbone(Params params, StateDict backbone) {
        Params loaded = params.scope(BACKBONE).load(backbone);
        String prefix = BACKBONE + ".";
        Map<String, Tensor> merged = new LinkedHashMap<>();
        for (String name : params.names()) {
            merged.put(name, name.startsWith(prefix) ? loaded.get(name.substring(prefix.length())) : params.get(name));
        }
        return Params.of(merged);
    }

    /** Replaces {@code stats} with the batch-norm statistics a BACKBONE state carries, under {@code backbone.}. */
    public static void loadStatistics(RunningStats stats, StateDict backbone) {
        StateDict statistics = new StateDict();
        backbone.asMap().forEach((name, value) -> {
            if (name.endsWith("running_mean") || name.endsWith("running_var")) {
                statistics.put(BACKBONE + "." + name, value);
            }
        });
        stats.load(statistics);
    }

    /** The BACKBONE state of {@code params} and {@code stats}: their {@code backbone.*} entries without the prefix. */
    public static StateDict backboneState(Params params, RunningStats stats) {
        StateDict state = params.scope(BACKBONE).toStateDict();
        if (stats != null) {
            state.putAll("", stats.toStateDict().withPrefix(BACKBONE + "."));
        }
        return state;
    }
}

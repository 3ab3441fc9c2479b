package org.metalearn4j.optimization;

import java.util.LinkedHashMap;
import java.util.Map;
import org.metalearn4j.core.learner.LearnerContext;
import org.metalearn4j.core.nn.BackboneSpec;
import org.metalearn4j.core.nn.Linear;
import org.metalearn4j.core.nn.Module;
import org.metalearn4j.core.nn.Params;
import org.metalearn4j.core.nn.Sequential;
import org.metalearn4j.core.state.StateDict;
import org.metalearn4j.core.tensor.Tensor;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * A network split into a feature extractor ({@code body}, parameters {@code "body.*"}) and a linear classifier or
 * regressor ({@code head}, parameters {@code "head.*"}). The split is what lets ANIL adapt the head alone and what
 * {@link org.metalearn4j.core.learner.Learner#backbone()} hands to other pipeline stages.
 */
public final class SplitModel {
    static final String BODY = "body";
    static final String HEAD = "head";

    private final Module body;
    private final Module head;
    private final Sequential whole;

    SplitModel(Module body, Module head) {
        this.body = body;
        this.head = head;
        LinkedHashMap<String, Module> parts = new LinkedHashMap<>();
        parts.put(BODY, body);
        parts.put(HEAD, head);
        this.whole = Sequential.named(parts);
    }

    /**
     * The body {@code backbone} describes for the context's inputs, with a linear head of {@code context.outputs()}.
     */
    public static SplitModel build(BackboneSpec backbone, LearnerContext context) {
        long[] shape = context.inputShape();
        return new SplitModel(backbone.build(shape),
                new Linear(Math.toIntExact(backbone.featureSize(shape)), context.outputs()));
    }

    /** Fresh parameters of the whole network, reproducible from {@code seed}. */
    public Params init(long seed, DataType type) {
        return whole.init(seed, type);
    }

    /** The whole network: body then head. */
    public Module whole() {
        return whole;
    }

    /** The feature extractor; its parameters are the {@code "body.*"} view of the whole network's. */
    public Module body() {
        return body;
    }

    /** The final linear layer; its parameters are the {@code "head.*"} view of the whole network's. */
    public Module head() {
        return head;
    }

    /**
     * {@code params} with the body replaced by {@code backbone} (names as the body module produces them, e.g. Conv4's
     * {@code 0.conv.weight}), as fresh leaf variables; the head is kept.
     */
    static Params withBody(Params params, StateDict backbone) {
        Params loadedBody = params.scope(BODY).load(backbone);
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (String name : params.names()) {
            String prefix = BODY + ".";
            out.put(name, name.startsWith(prefix) ? loadedBody.get(name.substring(prefix.length()))
                    : params.get(name));
        }
        return Params.of(out);
    }
}

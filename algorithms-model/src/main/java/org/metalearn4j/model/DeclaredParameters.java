package org.metalearn4j.model;

import java.util.List;
import java.util.Map;
import org.metalearn4j.core.nn.ForwardContext;
import org.metalearn4j.core.nn.Module;
import org.metalearn4j.core.nn.ParameterSpec;
import org.metalearn4j.core.nn.Params;
import org.metalearn4j.core.nn.Sequential;
import org.metalearn4j.core.tensor.Tensor;

/**
 * The parameters of a network that is not one chain of layers (encoders, attention and a decoder wired by the
 * learner's own math), declared as one {@link Module} so that {@link Module#init} creates them and
 * {@link org.metalearn4j.core.nn.BackboneHeadModel} can hold them as a head. Never run as a layer.
 *
 * @param specs the parameters, names relative to this block
 */
public record DeclaredParameters(List<ParameterSpec> specs) implements Module {
    public DeclaredParameters {
        specs = List.copyOf(specs);
    }

    /**
     * The parameters of named parts, part {@code p}'s under {@code p.} (like {@link Sequential#named}), in the map's
     * order: pass an ordered map.
     */
    public static DeclaredParameters of(Map<String, Module> parts) {
        return new DeclaredParameters(Sequential.named(parts).parameterSpecs());
    }

    @Override
    public List<ParameterSpec> parameterSpecs() {
        return specs;
    }

    /** Always fails: the owner wires the parts itself, reading {@code params.scope(part)}. */
    @Override
    public Tensor forward(Params params, Tensor x, ForwardContext ctx) {
        throw new UnsupportedOperationException("DeclaredParameters only declares parameters; it is not a layer");
    }
}

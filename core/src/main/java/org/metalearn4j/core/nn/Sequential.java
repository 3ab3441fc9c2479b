package org.metalearn4j.core.nn;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.metalearn4j.core.tensor.Tensor;

/** Child modules applied in order; child {@code name}'s parameters are named {@code "name.<param>"}. */
public final class Sequential implements Module {
    private final Map<String, Module> children;

    private Sequential(Map<String, Module> children) {
        this.children = Collections.unmodifiableMap(children);
    }

    /** Children named "0", "1", ... like PyTorch's nn.Sequential. */
    public static Sequential of(Module... modules) {
        LinkedHashMap<String, Module> m = new LinkedHashMap<>();
        for (int i = 0; i < modules.length; i++) {
            m.put(Integer.toString(i), modules[i]);
        }
        return new Sequential(m);
    }

    /** Children with the given names, in the map's order. Names must be non-empty and contain no '.'. */
    public static Sequential named(Map<String, Module> modules) {
        for (String name : modules.keySet()) {
            if (name.isEmpty() || name.contains(".")) {
                throw new IllegalArgumentException("Sequential: child name '" + name
                        + "' must be non-empty and contain no '.'");
            }
        }
        return new Sequential(new LinkedHashMap<>(modules));
    }

    @Override
    public List<ParameterSpec> parameterSpecs() {
        List<ParameterSpec> specs = new ArrayList<>();
        children.forEach((name, m) -> m.parameterSpecs().forEach(s -> specs.add(s.prefixed(name))));
        return specs;
    }

    @Override
    public Tensor forward(Params params, Tensor x, ForwardContext ctx) {
        Tensor h = x;
        for (Map.Entry<String, Module> e : children.entrySet()) {
            h = e.getValue().forward(params.scope(e.getKey()), h, ctx);
        }
        return h;
    }
}

package org.metalearn4j.core.nn;

import java.util.Arrays;
import java.util.Objects;

/**
 * One named parameter of a module: its dot-separated path (e.g. {@code "0.conv.weight"}), shape and initialiser.
 */
public record ParameterSpec(String name, long[] shape, Init init) {
    public ParameterSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(init, "init");
        shape = shape.clone();
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    /** The same parameter under {@code prefix + "." + name}. */
    public ParameterSpec prefixed(String prefix) {
        return new ParameterSpec(prefix + "." + name, shape, init);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ParameterSpec p && p.name.equals(name) && Arrays.equals(p.shape, shape)
                && p.init.equals(init);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, Arrays.hashCode(shape), init);
    }

    @Override
    public String toString() {
        return name + Arrays.toString(shape);
    }
}

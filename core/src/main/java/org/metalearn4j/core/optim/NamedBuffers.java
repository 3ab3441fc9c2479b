package org.metalearn4j.core.optim;

import java.util.HashMap;
import java.util.Map;
import org.metalearn4j.core.backend.StepArena;
import org.metalearn4j.core.state.StateDict;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * An optimizer's per-parameter buffers of one kind (momentum, a moment estimate), kept outside any step arena and saved
 * in its state under {@code <prefix><parameter name>}.
 */
final class NamedBuffers {
    private final String prefix;
    private final Map<String, INDArray> buffers = new HashMap<>();

    NamedBuffers(String prefix) {
        this.prefix = prefix;
    }

    /** The buffer of parameter {@code name}, zeros shaped like {@code p} the first time. */
    INDArray zerosLike(String name, INDArray p) {
        return buffers.computeIfAbsent(name, k -> StepArena.outside(() -> p.ulike().assign(0)));
    }

    /** The buffer of parameter {@code name}, or null before its first step. */
    INDArray get(String name) {
        return buffers.get(name);
    }

    /** Starts parameter {@code name}'s buffer as a copy of {@code first}. */
    INDArray startWith(String name, INDArray first) {
        INDArray b = StepArena.outside(first::dup);
        buffers.put(name, b);
        return b;
    }

    void saveTo(StateDict state) {
        buffers.forEach((name, b) -> state.put(prefix + name, b));
    }

    /** Replaces every buffer by a copy of those {@link #saveTo} wrote into {@code state}. */
    void loadFrom(StateDict state) {
        buffers.clear();
        state.withPrefix(prefix).asMap().forEach((name, b) -> buffers.put(name, b.dup()));
    }
}

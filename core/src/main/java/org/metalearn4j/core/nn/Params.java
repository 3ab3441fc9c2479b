package org.metalearn4j.core.nn;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BinaryOperator;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.metalearn4j.core.state.StateDict;
import org.metalearn4j.core.tensor.Autograd;
import org.metalearn4j.core.tensor.Tensor;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * An immutable, ordered map from parameter names to tensors: the weights a {@link Module} runs with. "Fast weights"
 * in MAML-style learners are simply another {@code Params} (e.g. the result of
 * {@link #zip}), so modules are never mutated.
 *
 * <p>{@link #scope(String)} gives a child module the view below {@code "child."} without copying; names, tensors and
 * lookups of a view are relative to its scope.
 */
public final class Params {
    private final Map<String, Tensor> map;
    private final String prefix;

    private Params(Map<String, Tensor> map, String prefix) {
        this.map = map;
        this.prefix = prefix;
    }

    /** Parameters in the map's iteration order. */
    public static Params of(Map<String, Tensor> entries) {
        return new Params(Collections.unmodifiableMap(new LinkedHashMap<>(entries)), "");
    }

    /** No parameters (the state of a stateless rule, a module without weights). */
    public static Params empty() {
        return of(Map.of());
    }

    /** Parameters named {@code names[i] -> tensors[i]}. */
    public static Params of(List<String> names, List<Tensor> tensors) {
        if (names.size() != tensors.size()) {
            throw new IllegalArgumentException("params: " + names.size() + " names but " + tensors.size()
                    + " tensors");
        }
        LinkedHashMap<String, Tensor> m = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            if (m.put(names.get(i), tensors.get(i)) != null) {
                throw new IllegalArgumentException("params: duplicate name '" + names.get(i) + "'");
            }
        }
        return new Params(Collections.unmodifiableMap(m), "");
    }

    /** The tensor named {@code name} relative to this scope; fails naming the scope and the names present. */
    public Tensor get(String name) {
        Tensor t = map.get(prefix + name);
        if (t == null) {
            throw new IllegalArgumentException("params: no parameter '" + prefix + name + "'; present: " + names());
        }
        return t;
    }

    public boolean contains(String name) {
        return map.containsKey(prefix + name);
    }

    /** The view of child module {@code child}: names below {@code "child."}. */
    public Params scope(String child) {
        return new Params(map, prefix + child + ".");
    }

    /** The dot-separated path of this scope ("" at the root), used to key per-module state such as BN statistics. */
    public String path() {
        return prefix.isEmpty() ? "" : prefix.substring(0, prefix.length() - 1);
    }

    /** Names in this scope, in order, relative to it. */
    public List<String> names() {
        List<String> out = new ArrayList<>();
        for (String k : map.keySet()) {
            if (k.startsWith(prefix)) {
                out.add(k.substring(prefix.length()));
            }
        }
        return out;
    }

    /** Tensors in this scope, in {@link #names()} order. */
    public List<Tensor> tensors() {
        List<Tensor> out = new ArrayList<>();
        map.forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                out.add(v);
            }
        });
        return out;
    }

    public int size() {
        return prefix.isEmpty() ? map.size() : names().size();
    }

    /** The same names bound to new tensors (in order). */
    public Params withTensors(List<Tensor> tensors) {
        return of(names(), tensors);
    }

    /** Applies {@code f} to every tensor. */
    public Params map(UnaryOperator<Tensor> f) {
        return withTensors(tensors().stream().map(f).toList());
    }

    /**
     * Combines with {@code other} name by name: {@code f(this[n], other[n])} where other has {@code n}, otherwise
     * this tensor unchanged (e.g. frozen parameters without gradients).
     */
    public Params zip(Params other, BinaryOperator<Tensor> f) {
        List<String> names = names();
        List<Tensor> out = new ArrayList<>(names.size());
        for (String n : names) {
            Tensor t = get(n);
            out.add(other.contains(n) ? f.apply(t, other.get(n)) : t);
        }
        return of(names, out);
    }

    /** Only the entries whose names satisfy {@code keep}. */
    public Params filter(Predicate<String> keep) {
        LinkedHashMap<String, Tensor> m = new LinkedHashMap<>();
        List<String> names = names();
        for (String n : names) {
            if (keep.test(n)) {
                m.put(n, get(n));
            }
        }
        return of(m);
    }

    /**
     * Gradients of the scalar {@code loss} with respect to every parameter that requires grad, under the same names.
     * With {@code createGraph} the gradients are differentiable (second-order meta-learning).
     */
    public Params grad(Tensor loss, boolean createGraph) {
        Params trainable = filter(n -> get(n).requiresGrad());
        List<Tensor> g = Autograd.grad(List.of(loss), null, trainable.tensors(), createGraph, true);
        return trainable.withTensors(g);
    }

    /** Detached copies of the values as fresh leaf variables (a new starting point for training). */
    public Params copyAsVariables() {
        return map(t -> Tensor.variable(t.value().dup()));
    }

    /** The tensors' values by name, not copied: what an in-place optimizer step changes. */
    public Map<String, INDArray> arrays() {
        Map<String, INDArray> out = new LinkedHashMap<>();
        map.forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                out.put(k.substring(prefix.length()), v.value());
            }
        });
        return out;
    }

    /** The values under their names (copied). */
    public StateDict toStateDict() {
        StateDict sd = new StateDict();
        List<String> names = names();
        for (String n : names) {
            sd.put(n, get(n).value());
        }
        return sd;
    }

    /**
     * New leaf variables with this object's names, values read from {@code state}; fails naming a missing entry or a
     * shape that differs.
     */
    public Params load(StateDict state) {
        List<String> names = names();
        List<Tensor> out = new ArrayList<>(names.size());
        for (String n : names) {
            var v = state.get(n);
            long[] expected = get(n).shape();
            if (!java.util.Arrays.equals(v.shape(), expected)) {
                throw new IllegalArgumentException("params: entry '" + n + "' has shape "
                        + java.util.Arrays.toString(v.shape()) + ", expected " + java.util.Arrays.toString(expected));
            }
            out.add(Tensor.variable(v.castTo(get(n).dataType()).dup()));
        }
        return of(names, out);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Params{");
        for (String n : names()) {
            sb.append(n).append(java.util.Arrays.toString(get(n).shape())).append(", ");
        }
        return sb.append('}').toString();
    }
}

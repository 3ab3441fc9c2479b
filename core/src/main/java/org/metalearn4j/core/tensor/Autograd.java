package org.metalearn4j.core.tensor;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Reverse-mode differentiation of recorded graphs, like {@code torch.autograd.grad}: gradients are returned, never
 * accumulated into the tensors. With {@code createGraph = true} the backward pass itself is recorded, so the returned
 * gradients can be differentiated again (second-order MAML, learned optimizers), to any order.
 */
public final class Autograd {
    private Autograd() {
    }

    /** Gradients of the scalar {@code outputs} (summed) with respect to {@code inputs}; every input must be used. */
    public static List<Tensor> grad(List<Tensor> outputs, List<Tensor> inputs, boolean createGraph) {
        return grad(outputs, null, inputs, createGraph, false);
    }

    /** Gradient of one scalar with respect to {@code inputs}. */
    public static List<Tensor> grad(Tensor output, List<Tensor> inputs, boolean createGraph) {
        return grad(List.of(output), null, inputs, createGraph, false);
    }

    /**
     * Vector-Jacobian products: the gradient of {@code sum_i <gradOutputs_i, outputs_i>} with respect to each input.
     *
     * @param gradOutputs one tensor per output with that output's shape, or {@code null} for scalar outputs (ones)
     * @param createGraph record the backward pass so the results are differentiable
     * @param allowUnused return a zero gradient for an input the outputs do not depend on, instead of failing
     */
    public static List<Tensor> grad(List<Tensor> outputs, List<Tensor> gradOutputs, List<Tensor> inputs,
                                    boolean createGraph, boolean allowUnused) {
        if (gradOutputs != null && gradOutputs.size() != outputs.size()) {
            throw new IllegalArgumentException("grad: " + outputs.size() + " outputs but " + gradOutputs.size()
                    + " gradOutputs");
        }
        Map<Tensor, Boolean> relevant = new IdentityHashMap<>();
        Set<Tensor> wanted = Collections.newSetFromMap(new IdentityHashMap<>());
        for (int i = 0; i < inputs.size(); i++) {
            if (!inputs.get(i).requiresGrad()) {
                throw new IllegalArgumentException("grad: input " + i + " " + Arrays.toString(inputs.get(i).shape())
                        + " does not require grad (use Tensor.variable or a parameter)");
            }
            wanted.add(inputs.get(i));
        }
        List<Tensor> order = topologicalOrder(outputs, wanted, relevant);
        OpProfiler.tick(OpProfiler.GRAPH_WALK);
        Map<Tensor, Tensor> grads = new IdentityHashMap<>();
        // sums made by accumulate and not yet handed to any backward: only these may be added to in place
        Set<Tensor> owned = createGraph ? null : Collections.newSetFromMap(new IdentityHashMap<>());
        try (Scope scope = Mode.setGrad(createGraph)) {
            for (int i = 0; i < outputs.size(); i++) {
                Tensor out = outputs.get(i);
                Tensor seed = seed(out, gradOutputs == null ? null : gradOutputs.get(i), i);
                accumulate(grads, owned, out, seed);
            }
            Map<OutputGroup, Integer> groupStarts = null; // made on the first output of a multi-output op, if any
            for (int i = order.size() - 1; i >= 0; i--) {
                Tensor t = order.get(i);
                Tensor g = grads.get(t);
                Node node = t.node();
                if (node != null && node.group() != null) {
                    if (groupStarts == null) {
                        groupStarts = groupStarts(order);
                    }
                    if (groupStarts.get(node.group()) == i) {
                        backwardGroup(node, relevant, wanted, grads, owned);
                    }
                    continue;
                }
                if (g == null || node == null) {
                    continue;
                }
                if (owned != null) {
                    owned.remove(g);
                }
                boolean[] needs = needs(node, relevant);
                if (needs == null) {
                    continue;
                }
                handOn(node, node.backward().apply(t, g, needs), needs, grads, owned);
                OpProfiler.tickBackward(node.op());
                if (!wanted.contains(t)) {
                    grads.remove(t);
                }
            }
        }
        List<Tensor> result = new ArrayList<>(inputs.size());
        for (int i = 0; i < inputs.size(); i++) {
            Tensor in = inputs.get(i);
            Tensor g = grads.get(in);
            if (g == null) {
                if (!allowUnused) {
                    throw new IllegalArgumentException("grad: input " + i + " " + Arrays.toString(in.shape())
                            + " is not used by the outputs (pass allowUnused=true to get zeros)");
                }
                g = Tensor.constant(Nd4j.zeros(in.dataType(), in.shape()));
            }
            result.add(g);
        }
        return result;
    }

    /**
     * Per op with several outputs, the position in {@code order} of its first output: its backward runs there, after
     * every op that used any of its outputs.
     */
    private static Map<OutputGroup, Integer> groupStarts(List<Tensor> order) {
        Map<OutputGroup, Integer> starts = new IdentityHashMap<>();
        for (int i = 0; i < order.size(); i++) {
            Node node = order.get(i).node();
            if (node != null && node.group() != null) {
                starts.putIfAbsent(node.group(), i);
            }
        }
        return starts;
    }

    /** Runs the joint backward of an op with several outputs (zeros for an output nothing used) and hands it on. */
    private static void backwardGroup(Node node, Map<Tensor, Boolean> relevant, Set<Tensor> wanted,
                                      Map<Tensor, Tensor> grads, Set<Tensor> owned) {
        Tensor[] outs = node.group().outputs();
        Tensor[] outGrads = new Tensor[outs.length];
        boolean anyGrad = false;
        for (int k = 0; k < outs.length; k++) {
            outGrads[k] = grads.get(outs[k]);
            anyGrad |= outGrads[k] != null;
        }
        boolean[] needs = needs(node, relevant);
        if (anyGrad && needs != null) {
            for (int k = 0; k < outs.length; k++) {
                if (outGrads[k] == null) {
                    outGrads[k] = Tensor.constant(Nd4j.zeros(outs[k].dataType(), outs[k].shape()));
                } else if (owned != null) {
                    owned.remove(outGrads[k]);
                }
            }
            handOn(node, node.group().backward().apply(outs, outGrads, needs), needs, grads, owned);
            OpProfiler.tickBackward(node.op());
        }
        for (Tensor out : outs) {
            if (!wanted.contains(out)) {
                grads.remove(out);
            }
        }
    }

    /** Which of a node's inputs need a gradient, or null when none does. */
    private static boolean[] needs(Node node, Map<Tensor, Boolean> relevant) {
        Tensor[] in = node.inputs();
        boolean[] needs = new boolean[in.length];
        boolean any = false;
        for (int j = 0; j < in.length; j++) {
            needs[j] = relevant.getOrDefault(in[j], false);
            any |= needs[j];
        }
        return any ? needs : null;
    }

    /** Adds the gradients a node's backward returned to those of the inputs that need one, checking each shape. */
    private static void handOn(Node node, Tensor[] inGrads, boolean[] needs, Map<Tensor, Tensor> grads,
                               Set<Tensor> owned) {
        Tensor[] in = node.inputs();
        for (int j = 0; j < in.length; j++) {
            if (needs[j]) {
                checkShape(node.op(), j, in[j], inGrads[j]);
                accumulate(grads, owned, in[j], inGrads[j]);
            }
        }
    }

    /** Disables graph recording on this thread until the scope closes (fast evaluation, inference). */
    public static Scope noGrad() {
        return Mode.setGrad(false);
    }

    /** Re-enables graph recording on this thread until the scope closes (inside a {@link #noGrad()} block). */
    public static Scope enableGrad() {
        return Mode.setGrad(true);
    }

    public static boolean isGradEnabled() {
        return Mode.gradEnabled();
    }

    /**
     * Until the scope closes, every op on this thread checks its result and throws {@link NonFiniteException} naming
     * the first op that produced NaN or Inf. Costs one extra pass over each result; for debugging.
     */
    public static Scope checkNumerics() {
        return Mode.setCheck(true);
    }

    private static Tensor seed(Tensor out, Tensor given, int index) {
        if (given == null) {
            if (out.length() != 1) {
                throw new IllegalArgumentException("grad: output " + index + " has shape "
                        + Arrays.toString(out.shape()) + "; non-scalar outputs need gradOutputs");
            }
            // a scalar array needs no fill kernel, unlike Nd4j.ones
            return Tensor.constant(out.rank() == 0 ? Nd4j.scalar(out.dataType(), 1.0)
                    : Nd4j.ones(out.dataType(), out.shape()));
        }
        if (!Arrays.equals(given.shape(), out.shape())) {
            throw ShapeException.of("grad", "gradOutputs[" + index + "] must have the output's shape", "output",
                    out.shape(), "gradOutput", given.shape());
        }
        return given;
    }

    /**
     * Adds {@code g} to the gradient of {@code t}. Without a recorded backward ({@code owned != null}) the third and
     * later contributions are added in place into the buffer the second one allocated, which nothing else can see.
     */
    private static void accumulate(Map<Tensor, Tensor> grads, Set<Tensor> owned, Tensor t, Tensor g) {
        Tensor previous = grads.get(t);
        if (previous == null) {
            grads.put(t, g);
        } else if (owned != null && owned.contains(previous)) {
            previous.value().addi(g.value());
        } else {
            Tensor sum = previous.add(g);
            grads.put(t, sum);
            if (owned != null) {
                owned.add(sum);
            }
        }
    }

    private static void checkShape(String op, int input, Tensor in, Tensor g) {
        if (g == null || !Arrays.equals(g.shape(), in.shape())) {
            throw new IllegalStateException("backward of '" + op + "' returned gradient "
                    + (g == null ? "null" : Arrays.toString(g.shape())) + " for input " + input + " of shape "
                    + Arrays.toString(in.shape()));
        }
    }

    /**
     * Tensors reachable from the outputs through recorded nodes, inputs before the ops that use them. A tensor is
     * relevant when a wanted input is reachable from it; only relevant tensors receive gradients.
     */
    private static List<Tensor> topologicalOrder(List<Tensor> outputs, Set<Tensor> wanted,
                                                 Map<Tensor, Boolean> relevant) {
        List<Tensor> order = new ArrayList<>();
        ArrayDeque<Object[]> stack = new ArrayDeque<>();
        for (Tensor out : outputs) {
            if (!relevant.containsKey(out)) {
                stack.push(new Object[] {out, 0});
            }
            while (!stack.isEmpty()) {
                Object[] frame = stack.peek();
                Tensor t = (Tensor) frame[0];
                int next = (Integer) frame[1];
                Node node = t.requiresGrad() ? t.node() : null;
                if (next == 0) {
                    relevant.putIfAbsent(t, wanted.contains(t));
                }
                if (node != null && next < node.inputs().length) {
                    frame[1] = next + 1;
                    Tensor child = node.inputs()[next];
                    if (!relevant.containsKey(child)) {
                        stack.push(new Object[] {child, 0});
                    }
                    continue;
                }
                stack.pop();
                boolean r = relevant.get(t);
                if (node != null) {
                    for (Tensor child : node.inputs()) {
                        r |= relevant.get(child);
                    }
                }
                relevant.put(t, r);
                order.add(t);
            }
        }
        return order;
    }
}

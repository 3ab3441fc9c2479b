package org.metalearn4j.model.mann;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.metalearn4j.core.nn.Linear;
import org.metalearn4j.core.nn.LstmCell;
import org.metalearn4j.core.nn.Module;
import org.metalearn4j.core.nn.Params;
import org.metalearn4j.core.tensor.Tensor;
import org.metalearn4j.model.DeclaredParameters;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The MANN of Santoro et al. (2016) over batches of episodes, one step at a time. The controller LSTM reads
 * {@code [x_t, y_(t-1), r_(t-1)]} (the input, the previous step's label one-hot, the previous reads). Each head
 * {@code i} emits a read key {@code k_i = tanh(W_k h)}, an add vector {@code a_i = tanh(W_add h)} and a write gate
 * {@code g_i = sigmoid(W_g h)}; it writes {@code a_i} with weights {@code g_i w^r_i(t-1) + (1 - g_i) lu_i(t-1)} (the
 * slots it read last, or the {@code i}-th least used slot) after the least used slot is zeroed, then reads with the
 * softmax over slots of the cosine similarity between {@code k_i} and the memory (times a learned key strength when
 * configured). Usage decays by {@code usageDecay} and grows by the read and write weights. The output is
 * {@code softmax(W_o [h, r])}. The add vector is separate from the key, as in neural Turing machines and the public
 * MANN implementations, although Santoro et al. write {@code k} itself: a head that writes its own key finds that
 * slot again at the same step's read, and the memory then echoes the present input instead of recalling the past
 * (after 30 minutes on Omniglot that variant answered second instances no better than first ones, 38%, below the
 * plain LSTM's 51%; with the add vector 59%, BENCHMARKS.md). Each head writes to a least used slot of its own, so
 * that the heads' writes do not sum into the same slots. The least-used choice is discrete and carries no gradient (as
 * in the paper); everything else is differentiated exactly. With {@link MemoryKind#NONE} only the controller and
 * output remain (the LSTM baseline). Parameters {@code controller.*}, {@code key.*}, {@code add.*}, {@code gate.*},
 * {@code strength.*}, {@code output.*}.
 */
public final class MemoryAugmentedNetwork {
    private static final double EPS = 1e-8;
    private static final double INITIAL_MEMORY = 1e-6;
    private final MannConfig config;
    private final int inputSize;
    private final int ways;
    private final boolean memory;
    private final LstmCell controller;
    private final Map<String, Module> parts = new LinkedHashMap<>();

    /** For inputs of {@code inputSize} values and {@code ways} classes per episode. */
    public MemoryAugmentedNetwork(MannConfig config, int inputSize, int ways) {
        this.config = config;
        this.inputSize = inputSize;
        this.ways = ways;
        this.memory = config.memory() == MemoryKind.LRU;
        int h = config.controllerSize();
        int reads = config.readHeads() * config.memoryWidth();
        this.controller = new LstmCell(inputSize + ways + (memory ? reads : 0), h);
        parts.put("controller", controller);
        if (memory) {
            parts.put("key", new Linear(h, reads));
            parts.put("add", new Linear(h, reads));
            parts.put("gate", new Linear(h, config.readHeads()));
            if (config.keyStrength()) {
                parts.put("strength", new Linear(h, config.readHeads()));
            }
        }
        parts.put("output", new Linear(h + (memory ? reads : 0), ways));
    }

    /** Fresh parameters. */
    public Params init(long seed, DataType type) {
        return DeclaredParameters.of(parts).init(seed, type);
    }

    public int inputSize() {
        return inputSize;
    }

    public int ways() {
        return ways;
    }

    /**
     * The state between steps of a batch of episodes.
     *
     * @param controller  the LSTM's hidden and cell state
     * @param reads       the last reads {@code [B, heads * width]} (null without memory)
     * @param memory      {@code [B, slots, width]} (null without memory)
     * @param readWeights the last read weights {@code [B, heads, slots]} (null without memory)
     * @param usage       usage weights {@code [B, slots]}, plain values (no gradient flows through them)
     */
    public record State(LstmCell.State controller, Tensor reads, Tensor memory, Tensor readWeights, INDArray usage) {
    }

    /** The state at the start of {@code batch} episodes: zeros, a memory of {@value #INITIAL_MEMORY} everywhere. */
    public State initial(int batch, DataType type) {
        LstmCell.State c = controller.zeroState(batch, type);
        if (!memory) {
            return new State(c, null, null, null, null);
        }
        int slots = config.memorySlots();
        return new State(c, Tensor.constant(Nd4j.zeros(type, batch, (long) config.readHeads() * config.memoryWidth())),
                Tensor.constant(Nd4j.valueArrayOf(new long[] {batch, slots, config.memoryWidth()}, INITIAL_MEMORY,
                        type)),
                Tensor.constant(Nd4j.zeros(type, batch, config.readHeads(), slots)),
                Nd4j.zeros(DataType.DOUBLE, batch, slots));
    }

    /** {@code copies} copies of episode 0's state, to answer that many queries independently from it. */
    public State replicate(State s, int copies) {
        long[] rows = new long[copies];
        Tensor h = s.controller().hidden().indexSelect(0, rows);
        Tensor c = s.controller().cell().indexSelect(0, rows);
        LstmCell.State lstm = new LstmCell.State(h, c);
        if (!memory) {
            return new State(lstm, null, null, null, null);
        }
        INDArray usage = Nd4j.zeros(DataType.DOUBLE, copies, config.memorySlots());
        for (int i = 0; i < copies; i++) {
            usage.putRow(i, s.usage().getRow(0));
        }
        return new State(lstm, s.reads().indexSelect(0, rows), s.memory().indexSelect(0, rows),
                s.readWeights().indexSelect(0, rows), usage);
    }

    /**
     * A step's new state and class scores.
     *
     * @param logits {@code [B, ways]}
     */
    public record Step(State state, Tensor logits) {
    }

    /**
     * One step of a batch.
     *
     * @param x         inputs {@code [B, inputSize]}
     * @param previous  the previous step's labels one-hot {@code [B, ways]} (zeros at the first step)
     */
    public Step step(Params p, State s, Tensor x, Tensor previous) {
        List<Tensor> in = new ArrayList<>(List.of(x, previous));
        if (memory) {
            in.add(s.reads());
        }
        LstmCell.State c = controller.step(p.scope("controller"), Tensor.concat(1, in), s.controller());
        Tensor h = c.hidden();
        if (!memory) {
            return new Step(new State(c, null, null, null, null), parts.get("output").forward(p.scope("output"), h,
                    null));
        }
        int b = Math.toIntExact(h.shape()[0]);
        int heads = config.readHeads();
        int width = config.memoryWidth();
        int slots = config.memorySlots();
        Tensor key = parts.get("key").forward(p.scope("key"), h, null).tanh().reshape(b, heads, width);
        Tensor add = parts.get("add").forward(p.scope("add"), h, null).tanh().reshape(b, heads, width);
        Tensor gate = parts.get("gate").forward(p.scope("gate"), h, null).sigmoid().reshape(b, heads, 1);
        double[][] usage = s.usage().toDoubleMatrix();
        Tensor leastUsed = Tensor.constant(leastUsed(usage, heads, s.memory().dataType()));
        Tensor writeWeights = gate.mul(s.readWeights()).add(gate.rsub(1.0).mul(leastUsed));
        Tensor kept = s.memory().mul(Tensor.constant(keepMask(usage, s.memory().dataType()).reshape(b, slots, 1)));
        Tensor m = kept.add(writeWeights.matmul(add, true, false));
        Tensor similarity = normalised(key).matmul(normalised(m), false, true);
        if (config.keyStrength()) {
            Tensor strength = parts.get("strength").forward(p.scope("strength"), h, null).softplus().add(1.0);
            similarity = similarity.mul(strength.reshape(b, heads, 1));
        }
        Tensor readWeights = similarity.softmax(-1);
        Tensor reads = readWeights.matmul(m).reshape(b, (long) heads * width);
        INDArray newUsage = s.usage().mul(config.usageDecay())
                .addi(readWeights.value().sum(1).castTo(DataType.DOUBLE))
                .addi(writeWeights.value().sum(1).castTo(DataType.DOUBLE));
        Tensor logits = parts.get("output").forward(p.scope("output"), Tensor.concat(1, List.of(h, reads)), null);
        return new Step(new State(c, reads, m, readWeights, newUsage), logits);
    }

    private static Tensor normalised(Tensor v) {
        return v.div(v.square().sum(true, 2).add(EPS).sqrt());
    }

    /**
     * {@code [B, n, slots]}: row {@code k} of episode {@code b} is 1 at its {@code k}-th least used slot (ties to the
     * lower index), else 0.
     */
    static INDArray leastUsed(double[][] usage, int n, DataType type) {
        int slots = usage[0].length;
        float[] out = new float[usage.length * n * slots];
        for (int b = 0; b < usage.length; b++) {
            boolean[] taken = new boolean[slots];
            for (int k = 0; k < n; k++) {
                int best = -1;
                for (int i = 0; i < slots; i++) {
                    if (!taken[i] && (best < 0 || usage[b][i] < usage[b][best])) {
                        best = i;
                    }
                }
                taken[best] = true;
                out[(b * n + k) * slots + best] = 1;
            }
        }
        return Nd4j.create(out, new long[] {usage.length, n, slots}, DataType.FLOAT).castTo(type);
    }

    /** {@code [B, slots]}: 0 at each row's least used slot (the lowest index among ties), else 1. */
    static INDArray keepMask(double[][] usage, DataType type) {
        int slots = usage[0].length;
        float[] out = new float[usage.length * slots];
        java.util.Arrays.fill(out, 1f);
        for (int b = 0; b < usage.length; b++) {
            int least = 0;
            for (int i = 1; i < slots; i++) {
                if (usage[b][i] < usage[b][least]) {
                    least = i;
                }
            }
            out[b * slots + least] = 0;
        }
        return Nd4j.create(out, new long[] {usage.length, slots}, DataType.FLOAT).castTo(type);
    }
}

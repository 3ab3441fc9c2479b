package org.metalearn4j.core.nn;

import java.util.List;
import org.metalearn4j.core.tensor.BiasAdd;
import org.metalearn4j.core.tensor.Op;
import org.metalearn4j.core.tensor.Tensor;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * One LSTM step with PyTorch's parameters and gate order (input, forget, cell, output): {@code weight_ih [4H, in]},
 * {@code weight_hh [4H, H]}, {@code bias_ih [4H]}, {@code bias_hh [4H]}. Used by learned optimizers and sequence
 * heads.
 */
public record LstmCell(int inputSize, int hiddenSize) implements Module {
    /** Hidden and cell state, each {@code [N, hiddenSize]}. */
    public record State(Tensor hidden, Tensor cell) {
    }

    public LstmCell {
        if (inputSize < 1 || hiddenSize < 1) {
            throw new IllegalArgumentException("LstmCell: sizes must be >= 1, got " + inputSize + ", " + hiddenSize);
        }
    }

    @Override
    public List<ParameterSpec> parameterSpecs() {
        Init init = Init.fanIn(hiddenSize);
        long g = 4L * hiddenSize;
        return List.of(new ParameterSpec("weight_ih", new long[] {g, inputSize}, init),
                new ParameterSpec("weight_hh", new long[] {g, hiddenSize}, init),
                new ParameterSpec("bias_ih", new long[] {g}, init),
                new ParameterSpec("bias_hh", new long[] {g}, init));
    }

    /** The all-zero state for a batch of {@code n}. */
    public State zeroState(long n, DataType type) {
        return new State(Tensor.constant(Nd4j.zeros(type, n, hiddenSize)),
                Tensor.constant(Nd4j.zeros(type, n, hiddenSize)));
    }

    /**
     * One step from {@code state} on input {@code x [N, inputSize]}. Recorded as one fused op with two outputs
     * ({@link Op#recordAll}, so neither state is a slice of a joint result): its first-order backward works on the
     * few arrays the step keeps (the gates, the cell state and its tanh) instead of a graph of twenty small ops, which
     * for coordinatewise learned optimizers (a batch of every parameter entry) is most of the time and memory; its
     * differentiable backward differentiates the same step written in {@link Tensor} ops, so higher orders stay
     * exact.
     */
    public State step(Params params, Tensor x, State state) {
        if (x.rank() != 2 || x.shape()[1] != inputSize) {
            throw new IllegalArgumentException("LstmCell(inputSize=" + inputSize + "): input has shape "
                    + java.util.Arrays.toString(x.shape()) + ", expected [N, " + inputSize + "]");
        }
        Tensor[] in = {x, state.hidden(), state.cell(), params.get("weight_ih"), params.get("weight_hh"),
            params.get("bias_ih"), params.get("bias_hh")};
        long h = hiddenSize;
        INDArray gates = Nd4j.gemm(x.value(), in[3].value(), false, true)
                .addi(Nd4j.gemm(in[1].value(), in[4].value(), false, true));
        BiasAdd.inPlace(BiasAdd.inPlace(gates, in[5].value()), in[6].value());
        INDArray i = Transforms.sigmoid(gates.get(NDArrayIndex.all(), NDArrayIndex.interval(0, h)), true);
        INDArray f = Transforms.sigmoid(gates.get(NDArrayIndex.all(), NDArrayIndex.interval(h, 2 * h)), true);
        INDArray g = Transforms.tanh(gates.get(NDArrayIndex.all(), NDArrayIndex.interval(2 * h, 3 * h)), true);
        INDArray o = Transforms.sigmoid(gates.get(NDArrayIndex.all(), NDArrayIndex.interval(3 * h, 4 * h)), true);
        INDArray c = f.mul(in[2].value()).addi(i.mul(g));
        INDArray tc = Transforms.tanh(c, true);
        Tensor[] next = Op.recordAll("lstmCell", new INDArray[] {o.mul(tc), c}, Op.formulaBackwardAll(this::unfused, in),
                (outs, grads, needs) -> fusedBackward(in, i, f, g, o, tc, grads[0], grads[1], needs), in);
        return new State(next[0], next[1]);
    }

    /** The vector-Jacobian product of the step from its kept arrays (first order). */
    private INDArray[] fusedBackward(Tensor[] in, INDArray i, INDArray f, INDArray g, INDArray o, INDArray tc,
                                     INDArray gh, INDArray gc, boolean[] needs) {
        // dc = gc + gh * o * (1 - tanh(c)^2)
        INDArray dc = tc.mul(tc).rsubi(1.0).muli(o).muli(gh).addi(gc);
        INDArray di = dc.mul(g).muli(i.rsub(1.0).muli(i));
        INDArray df = dc.mul(in[2].value()).muli(f.rsub(1.0).muli(f));
        INDArray dg = dc.mul(i).muli(g.mul(g).rsubi(1.0));
        INDArray dout = gh.mul(tc).muli(o.rsub(1.0).muli(o));
        INDArray dgates = Nd4j.concat(1, di, df, dg, dout);
        INDArray[] grads = new INDArray[in.length];
        if (needs[0]) {
            grads[0] = Nd4j.gemm(dgates, in[3].value(), false, false);
        }
        if (needs[1]) {
            grads[1] = Nd4j.gemm(dgates, in[4].value(), false, false);
        }
        if (needs[2]) {
            grads[2] = dc.muli(f);
        }
        if (needs[3]) {
            grads[3] = Nd4j.gemm(dgates, in[0].value(), true, false);
        }
        if (needs[4]) {
            grads[4] = Nd4j.gemm(dgates, in[1].value(), true, false);
        }
        if (needs[5] || needs[6]) {
            INDArray bias = dgates.sum(0);
            grads[5] = needs[5] ? bias : null;
            grads[6] = needs[6] ? bias.dup() : null;
        }
        return grads;
    }

    /** The same step in Tensor ops (x, h, c, weight_ih, weight_hh, bias_ih, bias_hh): the hidden and cell state. */
    private List<Tensor> unfused(Tensor[] in) {
        Tensor gates = in[0].matmul(in[3], false, true).add(in[5]).add(in[1].matmul(in[4], false, true)).add(in[6]);
        long h = hiddenSize;
        Tensor i = gates.slice(1, 0, h).sigmoid();
        Tensor f = gates.slice(1, h, 2 * h).sigmoid();
        Tensor g = gates.slice(1, 2 * h, 3 * h).tanh();
        Tensor o = gates.slice(1, 3 * h, 4 * h).sigmoid();
        Tensor c = f.mul(in[2]).add(i.mul(g));
        return List.of(o.mul(c.tanh()), c);
    }

    /** One step from the zero state; returns the new hidden state. */
    @Override
    public Tensor forward(Params params, Tensor x, ForwardContext ctx) {
        return step(params, x, zeroState(x.shape()[0], x.dataType())).hidden();
    }
}

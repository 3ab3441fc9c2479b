package org.metalearn4j.core.nn;

import java.util.List;
import org.metalearn4j.core.tensor.Tensor;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

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

    /** One step from {@code state} on input {@code x [N, inputSize]}. */
    public State step(Params params, Tensor x, State state) {
        if (x.rank() != 2 || x.shape()[1] != inputSize) {
            throw new IllegalArgumentException("LstmCell(inputSize=" + inputSize + "): input has shape "
                    + java.util.Arrays.toString(x.shape()) + ", expected [N, " + inputSize + "]");
        }
        Tensor gates = x.matmul(params.get("weight_ih"), false, true).add(params.get("bias_ih"))
                .add(state.hidden().matmul(params.get("weight_hh"), false, true)).add(params.get("bias_hh"));
        long h = hiddenSize;
        Tensor i = gates.slice(1, 0, h).sigmoid();
        Tensor f = gates.slice(1, h, 2 * h).sigmoid();
        Tensor g = gates.slice(1, 2 * h, 3 * h).tanh();
        Tensor o = gates.slice(1, 3 * h, 4 * h).sigmoid();
        Tensor c = f.mul(state.cell()).add(i.mul(g));
        return new State(o.mul(c.tanh()), c);
    }

    /** One step from the zero state; returns the new hidden state. */
    @Override
    public Tensor forward(Params params, Tensor x, ForwardContext ctx) {
        return step(params, x, zeroState(x.shape()[0], x.dataType())).hidden();
    }
}

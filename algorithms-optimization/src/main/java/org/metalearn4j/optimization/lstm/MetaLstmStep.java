package org.metalearn4j.optimization.lstm;

import java.util.List;
import org.metalearn4j.core.nn.LstmCell;
import org.metalearn4j.core.nn.Params;
import org.metalearn4j.core.tensor.BiasAdd;
import org.metalearn4j.core.tensor.Op;
import org.metalearn4j.core.tensor.RowBlocks;
import org.metalearn4j.core.tensor.Tensor;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * One step of {@link MetaLstm} for every coordinate of the learner at once, recorded as a single op with two outputs
 * ({@link Op#recordAll}): the new parameters {@code [N, 1]} and the state {@code [N, 2 + 2H]}, which holds, per
 * coordinate, layer one's hidden and cell state and the new forget and input gates; its {@code state} input is the
 * previous step's state output.
 *
 * <p>Why one op: every one of Conv4's 112,000 coordinates is a row, and a step arena keeps every array a step makes
 * until the task ends, so the step written in {@link Tensor} ops (about twenty ops, each with its own output, slice
 * copies, zero-padded slice gradients and backward temporaries) held about 300 MB per inner step and 8 GB per
 * 12-step task. This op keeps only its output and layer one's activated gates, and its first-order backward walks
 * blocks of rows ({@link RowBlocks}) with scratch arrays of one block, so that only the gradients it returns are
 * whole-sized. The differentiable backward (second-order meta-gradients) differentiates the same step written in
 * Tensor ops, so higher orders stay exact.
 */
final class MetaLstmStep {
    private static final int THETA = 0;
    private static final int GRAD = 1;
    private static final int LOSS = 2;
    private static final int STATE = 3;
    private static final int WEIGHT_IH = 4;
    private static final int WEIGHT_HH = 5;
    private static final int BIAS_IH = 6;
    private static final int BIAS_HH = 7;
    private static final int FORGET_WEIGHT = 8;
    private static final int FORGET_BIAS = 9;
    private static final int INPUT_WEIGHT = 10;
    private static final int INPUT_BIAS = 11;

    private final LstmCell first;
    private final LogAndSign preprocessing;
    private final int h;
    /** Where the state's cell state, forget gate and input gate start (the hidden state is at column 0). */
    private final long cellAt;
    private final long forgetAt;
    private final long inputAt;

    /** The new parameters and state of a step. */
    record Output(Tensor theta, Tensor state) {
    }

    MetaLstmStep(LstmCell first, LogAndSign preprocessing) {
        this.first = first;
        this.preprocessing = preprocessing;
        this.h = first.hiddenSize();
        this.cellAt = h;
        this.forgetAt = 2L * h;
        this.inputAt = 2L * h + 1;
    }

    /** Columns of the state: hidden and cell state, forget and input gate. */
    long width() {
        return 2 + 2L * h;
    }

    /**
     * The step.
     *
     * @param theta   the learner's parameters as a column {@code [N, 1]}
     * @param grad    their gradient {@code [N, 1]}
     * @param loss    the learner's loss {@code [1, 1]}
     * @param state   the previous state {@code [N, 2 + 2H]} (zeros before the first step)
     * @param weights the meta-learner's weights, named as in {@link MetaLstm}
     */
    Output apply(Tensor theta, Tensor grad, Tensor loss, Tensor state, Params weights) {
        Tensor[] in = {theta, grad, loss, state, weights.get("lstm.weight_ih"), weights.get("lstm.weight_hh"),
            weights.get("lstm.bias_ih"), weights.get("lstm.bias_hh"), weights.get("forget.weight"),
            weights.get("forget.bias"), weights.get("input.weight"), weights.get("input.bias")};
        long n = theta.shape()[0];
        INDArray newTheta = Nd4j.createUninitialized(theta.dataType(), n, 1);
        INDArray newState = Nd4j.createUninitialized(theta.dataType(), n, width());
        INDArray gates = Nd4j.createUninitialized(theta.dataType(), 4, n, h);
        forward(values(in), newTheta, newState, gates);
        Tensor[] out = Op.recordAll("metaLstmStep", new INDArray[] {newTheta, newState},
                Op.formulaBackwardAll(this::unfused, in),
                (outs, g, needs) -> arrayBackward(values(in), outs[1], gates, g[0], g[1], needs), in);
        return new Output(out[0], out[1]);
    }

    private static INDArray[] values(Tensor[] in) {
        INDArray[] v = new INDArray[in.length];
        for (int i = 0; i < in.length; i++) {
            v[i] = in[i].value();
        }
        return v;
    }

    /**
     * Fills the new parameters, the new state and the activated gates {@code gates [4, N, H]} (input, forget, cell,
     * output), block by block. Each gate is a plane of its own and the block's columns of the state are copied into
     * contiguous scratch: ND4J's elementwise kernels are several times slower on strided column views than on
     * contiguous arrays.
     */
    private void forward(INDArray[] in, INDArray newTheta, INDArray out, INDArray gates) {
        long n = out.size(0);
        DataType type = out.dataType();
        long block = RowBlocks.rowsPerBlock(n, 4L * h);
        INDArray lossFeatures = preprocessing.features(in[LOSS].reshape(1, 1));
        INDArray xScratch = Nd4j.createUninitialized(type, block, 4);
        INDArray hScratch = Nd4j.createUninitialized(type, block, h);
        INDArray cScratch = Nd4j.createUninitialized(type, block, h);
        INDArray igScratch = Nd4j.createUninitialized(type, block, h);
        double[] forget = in[FORGET_WEIGHT].reshape(-1).toDoubleVector();
        double[] input = in[INPUT_WEIGHT].reshape(-1).toDoubleVector();
        INDArray forgetColumn = hiddenWeights(forget, type).reshape(h, 1);
        INDArray inputColumn = hiddenWeights(input, type).reshape(h, 1);
        for (long start = 0; start < n; start += block) {
            long end = Math.min(n, start + block);
            long rows = end - start;
            INDArray x = RowBlocks.head(xScratch, rows);
            INDArray prev = RowBlocks.rows(in[STATE], start, end);
            INDArray hb = RowBlocks.head(hScratch, rows).assign(cols(prev, 0, h));
            INDArray c = RowBlocks.head(cScratch, rows).assign(cols(prev, cellAt, forgetAt));
            INDArray theta = RowBlocks.rows(in[THETA], start, end);
            INDArray grad = RowBlocks.rows(in[GRAD], start, end);
            INDArray o = RowBlocks.rows(out, start, end);
            inputs(x, lossFeatures, grad);
            INDArray[] gate = new INDArray[4];
            for (int k = 0; k < 4; k++) {
                gate[k] = plane(gates, k, start, end);
                Nd4j.gemm(x, gateRows(in[WEIGHT_IH], k), gate[k], false, true, 1.0, 0.0);
                Nd4j.gemm(hb, gateRows(in[WEIGHT_HH], k), gate[k], false, true, 1.0, 1.0);
                BiasAdd.inPlace(BiasAdd.inPlace(gate[k], gateBias(in[BIAS_IH], k)), gateBias(in[BIAS_HH], k));
                if (k == 2) {
                    Transforms.tanh(gate[k], false);
                } else {
                    Transforms.sigmoid(gate[k], false);
                }
            }
            c.muli(gate[1]).addi(RowBlocks.head(igScratch, rows).assign(gate[0]).muli(gate[2]));
            cols(o, cellAt, forgetAt).assign(c);
            Transforms.tanh(hb.assign(c), false).muli(gate[3]);
            cols(o, 0, h).assign(hb);
            INDArray f = layerTwoGate(hb, theta, column(in[STATE], start, end, forgetAt), forgetColumn, forget,
                    in[FORGET_BIAS]);
            INDArray i = layerTwoGate(hb, theta, column(in[STATE], start, end, inputAt), inputColumn, input,
                    in[INPUT_BIAS]);
            cols(o, forgetAt, inputAt).assign(f);
            cols(o, inputAt, inputAt + 1).assign(i);
            RowBlocks.rows(newTheta, start, end).assign(f.mul(theta).subi(i.muli(grad)));
        }
    }

    /** {@code sigmoid([h, theta, previous] w^T + b)} for a block, {@code [rows, 1]}; {@code column} is w's first H. */
    private INDArray layerTwoGate(INDArray hidden, INDArray theta, INDArray previous, INDArray column, double[] w,
                                  INDArray bias) {
        INDArray z = Nd4j.gemm(hidden, column, false, false);
        z.addi(theta.mul(w[h])).addi(previous.mul(w[h + 1])).addi(bias.getDouble(0));
        return Transforms.sigmoid(z, false);
    }

    /** Layer one's input for a block: the loss's two features on every row, then the gradient's two. */
    private void inputs(INDArray x, INDArray lossFeatures, INDArray grad) {
        cols(x, 0, 1).assign(lossFeatures.getDouble(0, 0));
        cols(x, 1, 2).assign(lossFeatures.getDouble(0, 1));
        cols(x, 2, 4).assign(preprocessing.features(grad));
    }

    /**
     * The vector-Jacobian product from the state output, the kept gates and the inputs, given the gradients of the
     * new parameters {@code thetaGrad} and of the new state {@code grad}, a block of rows at a time; the derivation is
     * the step's chain rule written out (the same step as {@link #unfused}, which the tests compare).
     */
    private INDArray[] arrayBackward(INDArray[] in, INDArray out, INDArray gates, INDArray thetaGrad, INDArray grad,
                                     boolean[] needs) {
        long n = out.size(0);
        DataType type = out.dataType();
        long block = RowBlocks.rowsPerBlock(n, 4L * h);
        INDArray[] grads = new INDArray[in.length];
        for (int k = WEIGHT_IH; k < in.length; k++) {
            grads[k] = needs[k] ? Nd4j.zeros(type, in[k].shape()) : null;
        }
        INDArray dTheta = needs[THETA] ? Nd4j.createUninitialized(type, n, 1) : null;
        INDArray dGrad = needs[GRAD] ? Nd4j.createUninitialized(type, n, 1) : null;
        INDArray dState = needs[STATE] ? Nd4j.zeros(type, n, width()) : null;
        double dLoss = 0;
        INDArray lossFeatures = preprocessing.features(in[LOSS].reshape(1, 1));
        INDArray lossDerivative = preprocessing.derivative(in[LOSS].reshape(1, 1));
        double[] forget = in[FORGET_WEIGHT].reshape(-1).toDoubleVector();
        double[] input = in[INPUT_WEIGHT].reshape(-1).toDoubleVector();
        INDArray forgetRow = hiddenWeights(forget, type);
        INDArray inputRow = hiddenWeights(input, type);
        INDArray xScratch = Nd4j.createUninitialized(type, block, 4);
        INDArray hScratch = Nd4j.createUninitialized(type, block, h);
        INDArray tcScratch = Nd4j.createUninitialized(type, block, h);
        INDArray dhScratch = Nd4j.createUninitialized(type, block, h);
        INDArray dcScratch = Nd4j.createUninitialized(type, block, h);
        INDArray cPrevScratch = Nd4j.createUninitialized(type, block, h);
        INDArray dgScratch = Nd4j.createUninitialized(type, 4, block, h);
        INDArray dx = Nd4j.createUninitialized(type, block, 4);
        for (long start = 0; start < n; start += block) {
            long end = Math.min(n, start + block);
            long rows = end - start;
            INDArray theta = RowBlocks.rows(in[THETA], start, end);
            INDArray gr = RowBlocks.rows(in[GRAD], start, end);
            INDArray prev = RowBlocks.rows(in[STATE], start, end);
            INDArray o = RowBlocks.rows(out, start, end);
            INDArray g = RowBlocks.rows(grad, start, end);
            INDArray[] gate = new INDArray[4];
            for (int k = 0; k < 4; k++) {
                gate[k] = plane(gates, k, start, end);
            }
            INDArray gTheta = column(thetaGrad, start, end, 0);
            INDArray f = column(out, start, end, forgetAt);
            INDArray i = column(out, start, end, inputAt);
            // theta' = f theta - i grad, and the gates are sigmoids of [h, theta, previous gate] w^T + b
            INDArray dzf = column(grad, start, end, forgetAt).addi(gTheta.mul(theta)).muli(f.rsub(1.0).muli(f));
            INDArray dzi = column(grad, start, end, inputAt).subi(gTheta.mul(gr)).muli(i.rsub(1.0).muli(i));
            INDArray hidden = RowBlocks.head(hScratch, rows).assign(cols(o, 0, h));
            layerTwoWeightGrads(grads, FORGET_WEIGHT, FORGET_BIAS, dzf, hidden, theta,
                    column(in[STATE], start, end, forgetAt));
            layerTwoWeightGrads(grads, INPUT_WEIGHT, INPUT_BIAS, dzi, hidden, theta,
                    column(in[STATE], start, end, inputAt));
            if (dTheta != null) {
                RowBlocks.rows(dTheta, start, end).assign(gTheta.mul(f).addi(dzf.mul(forget[h]))
                        .addi(dzi.mul(input[h])));
            }
            INDArray gradRows = dGrad == null ? null : RowBlocks.rows(dGrad, start, end).assign(gTheta.mul(i).negi());
            // layer one: dh from the output and the two gates, then the LSTM cell's backward
            INDArray dh = RowBlocks.head(dhScratch, rows).assign(cols(g, 0, h));
            Nd4j.gemm(dzf, forgetRow, dh, false, false, 1.0, 1.0);
            Nd4j.gemm(dzi, inputRow, dh, false, false, 1.0, 1.0);
            INDArray tc = RowBlocks.head(tcScratch, rows).assign(cols(o, cellAt, forgetAt));
            Transforms.tanh(tc, false);
            INDArray dc = RowBlocks.head(dcScratch, rows).assign(cols(g, cellAt, forgetAt));
            dc.addi(tc.mul(tc).rsubi(1.0).muli(gate[3]).muli(dh));
            INDArray cPrev = RowBlocks.head(cPrevScratch, rows).assign(cols(prev, cellAt, forgetAt));
            INDArray[] dg = new INDArray[4];
            for (int k = 0; k < 4; k++) {
                dg[k] = plane(dgScratch, k, 0, rows);
            }
            dg[0].assign(gate[0]).rsubi(1.0).muli(gate[0]).muli(gate[2]).muli(dc);
            dg[1].assign(gate[1]).rsubi(1.0).muli(gate[1]).muli(cPrev).muli(dc);
            dg[2].assign(gate[2]).muli(gate[2]).rsubi(1.0).muli(gate[0]).muli(dc);
            dg[3].assign(gate[3]).rsubi(1.0).muli(gate[3]).muli(tc).muli(dh);
            INDArray x = RowBlocks.head(xScratch, rows);
            inputs(x, lossFeatures, gr);
            INDArray hPrev = hidden.assign(cols(prev, 0, h));
            for (int k = 0; k < 4; k++) {
                if (needs[WEIGHT_IH]) {
                    Nd4j.gemm(dg[k], x, gateRows(grads[WEIGHT_IH], k), true, false, 1.0, 1.0);
                }
                if (needs[WEIGHT_HH]) {
                    Nd4j.gemm(dg[k], hPrev, gateRows(grads[WEIGHT_HH], k), true, false, 1.0, 1.0);
                }
                for (int b : new int[] {BIAS_IH, BIAS_HH}) {
                    if (needs[b]) {
                        gateBias(grads[b], k).addi(dg[k].sum(0));
                    }
                }
            }
            if (dState != null) {
                INDArray s = RowBlocks.rows(dState, start, end);
                INDArray dhPrev = tc; // tanh(c) is not needed any more: its scratch takes dh_{t-1}
                for (int k = 0; k < 4; k++) {
                    Nd4j.gemm(dg[k], gateRows(in[WEIGHT_HH], k), dhPrev, false, false, 1.0, k == 0 ? 0.0 : 1.0);
                }
                cols(s, 0, h).assign(dhPrev);
                cols(s, cellAt, forgetAt).assign(dc.muli(gate[1]));
                cols(s, forgetAt, inputAt).assign(dzf.mul(forget[h + 1]));
                cols(s, inputAt, inputAt + 1).assign(dzi.mul(input[h + 1]));
            }
            if (needs[GRAD] || needs[LOSS]) {
                INDArray dxb = RowBlocks.head(dx, rows);
                for (int k = 0; k < 4; k++) {
                    Nd4j.gemm(dg[k], gateRows(in[WEIGHT_IH], k), dxb, false, false, 1.0, k == 0 ? 0.0 : 1.0);
                }
                if (gradRows != null) {
                    INDArray d = preprocessing.derivative(gr);
                    gradRows.addi(cols(dxb, 2, 3).mul(cols(d, 0, 1))).addi(cols(dxb, 3, 4).mul(cols(d, 1, 2)));
                }
                dLoss += cols(dxb, 0, 1).sumNumber().doubleValue() * lossDerivative.getDouble(0, 0)
                        + cols(dxb, 1, 2).sumNumber().doubleValue() * lossDerivative.getDouble(0, 1);
            }
        }
        grads[THETA] = dTheta;
        grads[GRAD] = dGrad;
        grads[STATE] = dState;
        if (needs[LOSS]) {
            grads[LOSS] = Nd4j.scalar(type, dLoss).reshape(in[LOSS].shape());
        }
        return grads;
    }

    /** Adds a block's contribution to the gradients of a layer-two gate's weight {@code [1, H + 2]} and bias. */
    private void layerTwoWeightGrads(INDArray[] grads, int weight, int bias, INDArray dz, INDArray hidden,
                                     INDArray theta, INDArray previous) {
        if (grads[weight] != null) {
            INDArray w = grads[weight];
            Nd4j.gemm(dz, hidden, cols(w, 0, h), true, false, 1.0, 1.0);
            w.putScalar(0, h, w.getDouble(0, h) + dz.mul(theta).sumNumber().doubleValue());
            w.putScalar(0, h + 1, w.getDouble(0, h + 1) + dz.mul(previous).sumNumber().doubleValue());
        }
        if (grads[bias] != null) {
            grads[bias].putScalar(0, grads[bias].getDouble(0) + dz.sumNumber().doubleValue());
        }
    }

    /** The same step in Tensor ops: the new parameters and the new state. */
    List<Tensor> unfused(Tensor[] in) {
        long n = in[THETA].shape()[0];
        Tensor state = in[STATE];
        Tensor x = Tensor.concat(1, List.of(preprocessing.apply(in[LOSS].reshape(1, 1)).expand(n, 2),
                preprocessing.apply(in[GRAD])));
        Params lstm = Params.of(List.of("weight_ih", "weight_hh", "bias_ih", "bias_hh"),
                List.of(in[WEIGHT_IH], in[WEIGHT_HH], in[BIAS_IH], in[BIAS_HH]));
        LstmCell.State next = first.step(lstm, x, new LstmCell.State(state.slice(1, 0, h),
                state.slice(1, cellAt, forgetAt)));
        Tensor f = unfusedGate(in[FORGET_WEIGHT], in[FORGET_BIAS], next.hidden(), in[THETA],
                state.slice(1, forgetAt, inputAt));
        Tensor i = unfusedGate(in[INPUT_WEIGHT], in[INPUT_BIAS], next.hidden(), in[THETA],
                state.slice(1, inputAt, inputAt + 1));
        Tensor theta = f.mul(in[THETA]).sub(i.mul(in[GRAD]));
        return List.of(theta, Tensor.concat(1, List.of(next.hidden(), next.cell(), f, i)));
    }

    private static Tensor unfusedGate(Tensor weight, Tensor bias, Tensor hidden, Tensor theta, Tensor previous) {
        return Tensor.concat(1, List.of(hidden, theta, previous)).matmul(weight, false, true).add(bias).sigmoid();
    }

    /** The first H entries of a layer-two gate's weight (those of the hidden state), as a row {@code [1, H]}. */
    private INDArray hiddenWeights(double[] w, DataType type) {
        return Nd4j.create(java.util.Arrays.copyOf(w, h), new long[] {1, h}, type);
    }

    /** Rows {@code start..end} of gate {@code k}'s plane of {@code planes [4, N, H]}, contiguous {@code [rows, H]}. */
    private static INDArray plane(INDArray planes, int k, long start, long end) {
        return planes.get(NDArrayIndex.point(k), NDArrayIndex.interval(start, end), NDArrayIndex.all());
    }

    /** Gate {@code k}'s rows of an LSTM weight {@code [4H, in]} (or of its gradient). */
    private INDArray gateRows(INDArray weight, int k) {
        return RowBlocks.rows(weight, (long) k * h, (long) (k + 1) * h);
    }

    /** Gate {@code k}'s entries of an LSTM bias {@code [4H]} (or of its gradient). */
    private INDArray gateBias(INDArray bias, int k) {
        return bias.get(NDArrayIndex.interval((long) k * h, (long) (k + 1) * h));
    }

    /** Column {@code c} of rows {@code start..end} of {@code x}, copied into a contiguous {@code [rows, 1]}. */
    private static INDArray column(INDArray x, long start, long end, long c) {
        return x.get(NDArrayIndex.interval(start, end), NDArrayIndex.interval(c, c + 1)).dup('c');
    }

    private static INDArray cols(INDArray x, long from, long to) {
        return x.get(NDArrayIndex.all(), NDArrayIndex.interval(from, to));
    }
}

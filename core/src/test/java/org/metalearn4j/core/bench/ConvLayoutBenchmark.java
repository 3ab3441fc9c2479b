package org.metalearn4j.core.bench;

import java.util.List;
import java.util.Locale;
import org.metalearn4j.core.tensor.Autograd;
import org.metalearn4j.core.tensor.ImageLayout;
import org.metalearn4j.core.tensor.Tensor;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Milliseconds per kernel call of each Conv4 layer (3x3, 64 filters, padding 1) on a batch of images, in both
 * layouts: the raw conv2d and conv2d_bp calls of libnd4j/oneDNN, and the engine's weight-only gradient of a layer
 * with a constant input (for the NHWC first layer a patch-matrix gemm, {@code ConvPatches}). Run with the classpath of
 * {@link EngineBenchmark}: {@code java ... org.metalearn4j.core.bench.ConvLayoutBenchmark [batch] [reps]}
 * (defaults 200, the images of a 20-way 5-shot 5-query episode, and 20; BENCHMARKS.md, "Conv4 layout and step
 * arenas").
 * {@code DNNL_VERBOSE=1} shows which oneDNN kernels and reorders each call runs.
 */
public final class ConvLayoutBenchmark {
    private static final long[][] LAYERS = {{1, 28}, {64, 14}, {64, 7}, {64, 3}};

    private ConvLayoutBenchmark() {
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int reps = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        System.out.printf(Locale.ROOT, "batch %d, OMP_NUM_THREADS=%s, median of %d calls after as many warm-up calls"
                + " (ms)%n", n, System.getenv("OMP_NUM_THREADS"), reps);
        System.out.println("layer          | NCHW fwd | NCHW bp | NHWC fwd | NHWC bp | weight-only grad NCHW | NHWC");
        double[] totals = new double[6];
        for (long[] layer : LAYERS) {
            long c = layer[0];
            long h = layer[1];
            INDArray w = Nd4j.rand(DataType.FLOAT, 64, c, 3, 3);
            INDArray b = Nd4j.rand(DataType.FLOAT, 64);
            double[] row = new double[6];
            int col = 0;
            for (ImageLayout layout : ImageLayout.values()) {
                boolean nchw = layout == ImageLayout.NCHW;
                INDArray x = Nd4j.rand(DataType.FLOAT, nchw ? new long[] {n, c, h, h} : new long[] {n, h, h, c});
                INDArray g = Nd4j.rand(DataType.FLOAT, nchw ? new long[] {n, 64, h, h} : new long[] {n, h, h, 64});
                INDArray y = Nd4j.create(DataType.FLOAT, g.shape());
                INDArray gi = Nd4j.create(DataType.FLOAT, x.shape());
                INDArray gw = Nd4j.create(DataType.FLOAT, w.shape());
                INDArray gb = Nd4j.create(DataType.FLOAT, b.shape());
                int format = nchw ? 0 : 1;
                row[col++] = millis(() -> Nd4j.exec(op("conv2d", format).addInputs(x, w, b).addOutputs(y).build()),
                        reps);
                row[col++] = millis(() -> Nd4j.exec(op("conv2d_bp", format).addInputs(x, w, b, g)
                        .addOutputs(gi, gw, gb).build()), reps);
            }
            for (ImageLayout layout : ImageLayout.values()) {
                boolean nchw = layout == ImageLayout.NCHW;
                Tensor x = Tensor.constant(Nd4j.rand(DataType.FLOAT,
                        nchw ? new long[] {n, c, h, h} : new long[] {n, h, h, c}));
                Tensor wt = Tensor.variable(w);
                Tensor bt = Tensor.variable(b);
                Tensor y = x.conv2d(wt, bt, 1, 1, layout);
                Tensor g = Tensor.constant(Nd4j.rand(DataType.FLOAT, y.shape()));
                row[col++] = millis(() -> Autograd.grad(List.of(y), List.of(g), List.of(wt, bt), false, false),
                        reps);
            }
            System.out.printf(Locale.ROOT, "%3d ch, %2dx%-2d   | %8.2f | %7.2f | %8.2f | %7.2f | %21.2f | %5.2f%n",
                    c, h, h, row[0], row[1], row[2], row[3], row[4], row[5]);
            for (int i = 0; i < row.length; i++) {
                totals[i] += row[i];
            }
        }
        System.out.printf(Locale.ROOT, "all four       | %8.2f | %7.2f | %8.2f | %7.2f |%n", totals[0], totals[1],
                totals[2], totals[3]);
    }

    private static double millis(Runnable call, int reps) {
        return EngineBenchmark.median(call, reps) * 1e3;
    }

    private static DynamicCustomOp.DynamicCustomOpsBuilder op(String name, int format) {
        // kH, kW, sH, sW, pH, pW, dH, dW, same-mode off, data format, weights [oC, iC, kH, kW]
        return DynamicCustomOp.builder(name).addIntegerArguments(3, 3, 1, 1, 1, 1, 1, 1, 0, format, 1);
    }
}

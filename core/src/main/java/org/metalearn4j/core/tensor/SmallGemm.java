package org.metalearn4j.core.tensor;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.openblas.global.openblas_nolapack;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Small matrix products as one direct {@code cblas_?gemm} call into the OpenBLAS that nd4j-native loads. ND4J's
 * {@code matmul} op spends 12-20 us per call before and around the BLAS call (op context, shape function, and for
 * float32 a oneDNN primitive), against 2-3 us for the product itself on a 10x40 by 40x40 problem: that overhead was
 * about half the time of an MLP step (issue 26, engine-profile notes). Float64 results are bit-identical to the op's
 * (it calls the same dgemm); float32 ones may differ in the last bit where the op used oneDNN.
 */
final class SmallGemm {
    /**
     * Up to this many multiply-adds OpenBLAS 0.3.19 runs a gemm on one thread (65536 times its multithread threshold
     * of 4), and the op's fixed cost dominates; larger products keep ND4J's op and its threading.
     */
    private static final long MAX_MULTIPLY_ADDS = 1L << 18;
    private static final boolean AVAILABLE = openBlasLoaded();

    private SmallGemm() {
    }

    /**
     * Writes {@code op(a) @ op(b)} into {@code c} (a fresh c-order {@code [m, n]} array) and returns true, or returns
     * false without touching anything when this path does not apply (large, not float32/float64, strides BLAS cannot
     * express, or another backend).
     */
    static boolean product(INDArray a, INDArray b, boolean ta, boolean tb, INDArray c, long m, long n, long k) {
        if (!AVAILABLE || a.rank() != 2 || b.rank() != 2 || m * n * k > MAX_MULTIPLY_ADDS || m == 0 || n == 0
                || k == 0) {
            return false;
        }
        DataType type = c.dataType();
        if (type != DataType.FLOAT && type != DataType.DOUBLE) {
            return false;
        }
        int lda = leadingDimension(a);
        int ldb = leadingDimension(b);
        if (lda == 0 || ldb == 0) {
            return false;
        }
        // a matrix stored column-major is its transpose stored row-major
        boolean transA = ta != lda < 0;
        boolean transB = tb != ldb < 0;
        int opA = transA ? openblas_nolapack.CblasTrans : openblas_nolapack.CblasNoTrans;
        int opB = transB ? openblas_nolapack.CblasTrans : openblas_nolapack.CblasNoTrans;
        int order = openblas_nolapack.CblasRowMajor;
        if (type == DataType.FLOAT) {
            openblas_nolapack.cblas_sgemm(order, opA, opB, (int) m, (int) n, (int) k, 1f,
                    new FloatPointer(a.data().addressPointer()), Math.abs(lda),
                    new FloatPointer(b.data().addressPointer()), Math.abs(ldb), 0f,
                    new FloatPointer(c.data().addressPointer()), (int) n);
        } else {
            openblas_nolapack.cblas_dgemm(order, opA, opB, (int) m, (int) n, (int) k, 1.0,
                    new DoublePointer(a.data().addressPointer()), Math.abs(lda),
                    new DoublePointer(b.data().addressPointer()), Math.abs(ldb), 0.0,
                    new DoublePointer(c.data().addressPointer()), (int) n);
        }
        return true;
    }

    /**
     * The BLAS leading dimension of matrix {@code x}: positive when it is stored row-major (unit column stride),
     * negated when stored column-major (unit row stride), 0 when neither.
     */
    private static int leadingDimension(INDArray x) {
        long rows = x.size(0);
        long cols = x.size(1);
        long s0 = x.stride(0);
        long s1 = x.stride(1);
        if ((s1 == 1 || cols == 1) && s0 >= Math.max(1, cols) && s0 <= Integer.MAX_VALUE) {
            return (int) s0;
        }
        if ((s0 == 1 || rows == 1) && s1 >= Math.max(1, rows) && s1 <= Integer.MAX_VALUE) {
            return -(int) s1;
        }
        return 0;
    }

    /** True on the CPU backend once OpenBLAS's bindings load; other backends keep ND4J's matmul op. */
    private static boolean openBlasLoaded() {
        try {
            if (!Nd4j.getEnvironment().isCPU()) {
                return false;
            }
            Class.forName("org.bytedeco.openblas.global.openblas_nolapack", true, SmallGemm.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}

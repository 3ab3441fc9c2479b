package org.metalearn4j.core.tensor;

import java.util.concurrent.atomic.AtomicReferenceArray;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.openblas.global.openblas_nolapack;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
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
    static final boolean AVAILABLE = openBlasLoaded();
    /** Vectors of ones by type (float32, float64), grown on demand; replaced, never written. */
    private static final AtomicReferenceArray<INDArray> ONES = new AtomicReferenceArray<>(2);

    private SmallGemm() {
    }

    /**
     * Writes {@code op(a) @ op(b)} into {@code c} (a fresh c-order {@code [m, n]} array) and returns true, or returns
     * false without touching anything when this path does not apply (large, not float32/float64, strides BLAS cannot
     * express, or another backend).
     */
    static boolean product(INDArray a, INDArray b, boolean ta, boolean tb, INDArray c, long m, long n, long k) {
        if (!applies(a, b, c, m, n, k)) {
            return false;
        }
        int lda = leadingDimension(a);
        int ldb = leadingDimension(b);
        if (lda == 0 || ldb == 0) {
            return false;
        }
        gemm(c.dataType(), ta != lda < 0, tb != ldb < 0, m, n, k, a.data().addressPointer(), Math.abs(lda),
                b.data().addressPointer(), Math.abs(ldb), 0, c.data().addressPointer(), n);
        return true;
    }

    /**
     * Writes {@code c[i] = op(a[i]) @ op(b[i])} for every {@code i} of the first axis of the 3-D {@code c} (fresh,
     * c-order) as one gemm call per matrix, and returns true; or returns false without touching anything where a
     * matrix's strides are not BLAS's, the type is not float32/float64, or another backend runs. ND4J's batched
     * {@code matmul} op multiplies with its own loops instead of BLAS, which made attention's {@code [N * heads, L, d]}
     * products a large part of an attentive neural process's training step (one gemm per matrix made that step about
     * 11% faster). Any size applies: OpenBLAS threads the large matrices itself.
     */
    static boolean batchedProduct(INDArray a, INDArray b, boolean ta, boolean tb, INDArray c) {
        DataType type = c.dataType();
        if (!AVAILABLE || a.rank() != 3 || b.rank() != 3 || c.rank() != 3 || a.dataType() != type
                || b.dataType() != type || (type != DataType.FLOAT && type != DataType.DOUBLE)) {
            return false;
        }
        long batch = c.size(0);
        long m = c.size(1);
        long n = c.size(2);
        long k = a.size(ta ? 1 : 2);
        int lda = leadingDimension(a.size(1), a.size(2), a.stride(1), a.stride(2));
        int ldb = leadingDimension(b.size(1), b.size(2), b.stride(1), b.stride(2));
        boolean packed = c.stride(2) == 1 && c.stride(1) == n && c.stride(0) == m * n;
        if (batch == 0 || m == 0 || n == 0 || k == 0 || lda == 0 || ldb == 0 || !packed) {
            return false;
        }
        Pointer pa = a.data().addressPointer();
        Pointer pb = b.data().addressPointer();
        Pointer pc = c.data().addressPointer();
        for (long i = 0; i < batch; i++) {
            gemm(type, ta != lda < 0, tb != ldb < 0, m, n, k, at(pa, type, i * a.stride(0)), Math.abs(lda),
                    at(pb, type, i * b.stride(0)), Math.abs(ldb), 0, at(pc, type, i * m * n), n);
        }
        return true;
    }

    /**
     * Writes {@code x @ w^T + bias} into {@code y} (fresh, c-order {@code [m, n]}) as two gemm calls, like PyTorch's
     * addmm: the bias rows first (a product with a column of ones, exact), then the product accumulated onto them.
     * Returns false, touching nothing, where {@link #product} would not apply or the bias is not contiguous.
     */
    static boolean affine(INDArray x, INDArray w, INDArray bias, INDArray y, long m, long n, long k) {
        if (!applies(x, w, y, m, n, k) || !(bias.length() == 1 || bias.stride(0) == 1)) {
            return false;
        }
        int ldx = leadingDimension(x);
        int ldw = leadingDimension(w);
        if (ldx == 0 || ldw == 0) {
            return false;
        }
        DataType type = y.dataType();
        Pointer out = y.data().addressPointer();
        gemm(type, false, false, m, n, 1, ones(type, m), 1, bias.data().addressPointer(), n, 0, out, n);
        gemm(type, ldx < 0, ldw > 0, m, n, k, x.data().addressPointer(), Math.abs(ldx), w.data().addressPointer(),
                Math.abs(ldw), 1, out, n);
        return true;
    }

    /**
     * Writes the sums over the rows of {@code g} ({@code [m, n]}) into {@code out} (fresh, length n) as one gemv with a
     * vector of ones, e.g. a bias gradient; returns false, touching nothing, where {@link #product} would not apply.
     */
    static boolean columnSums(INDArray g, INDArray out) {
        long m = g.size(0);
        long n = g.size(1);
        if (!applies(g, g, out, 1, n, m)) {
            return false;
        }
        int ldg = leadingDimension(g);
        if (ldg == 0) {
            return false;
        }
        // out [1, n] = ones [1, m] @ g
        gemm(out.dataType(), false, ldg < 0, 1, n, m, ones(out.dataType(), m), Math.max(1, m),
                g.data().addressPointer(), Math.abs(ldg), 0, out.data().addressPointer(), n);
        return true;
    }

    private static boolean applies(INDArray a, INDArray b, INDArray c, long m, long n, long k) {
        DataType type = c.dataType();
        return AVAILABLE && a.rank() == 2 && b.rank() == 2 && m > 0 && n > 0 && k > 0 && m * n * k <= MAX_MULTIPLY_ADDS
                && (type == DataType.FLOAT || type == DataType.DOUBLE) && a.dataType() == type
                && b.dataType() == type;
    }

    /** A pointer {@code elements} values of {@code type} past {@code p} (a pointer into a buffer of that type). */
    private static Pointer at(Pointer p, DataType type, long elements) {
        return type == DataType.FLOAT ? new FloatPointer(p).position(p.position() + elements)
                : new DoublePointer(p).position(p.position() + elements);
    }

    /** Row-major {@code c = op(a) @ op(b) + beta * c} on raw buffers of {@code type}. */
    private static void gemm(DataType type, boolean transA, boolean transB, long m, long n, long k, Pointer a,
                             long lda, Pointer b, long ldb, double beta, Pointer c, long ldc) {
        int opA = transA ? openblas_nolapack.CblasTrans : openblas_nolapack.CblasNoTrans;
        int opB = transB ? openblas_nolapack.CblasTrans : openblas_nolapack.CblasNoTrans;
        int order = openblas_nolapack.CblasRowMajor;
        if (type == DataType.FLOAT) {
            openblas_nolapack.cblas_sgemm(order, opA, opB, (int) m, (int) n, (int) k, 1f, new FloatPointer(a),
                    (int) lda, new FloatPointer(b), (int) ldb, (float) beta, new FloatPointer(c), (int) ldc);
        } else {
            openblas_nolapack.cblas_dgemm(order, opA, opB, (int) m, (int) n, (int) k, 1.0, new DoublePointer(a),
                    (int) lda, new DoublePointer(b), (int) ldb, beta, new DoublePointer(c), (int) ldc);
        }
    }

    /**
     * A buffer of at least {@code length} ones of {@code type}, shared and never written after creation; made outside
     * any workspace so that a step arena's reset cannot overwrite it.
     */
    private static Pointer ones(DataType type, long length) {
        int slot = type == DataType.FLOAT ? 0 : 1;
        INDArray current = ONES.get(slot);
        if (current == null || current.length() < length) {
            synchronized (ONES) {
                current = ONES.get(slot);
                if (current == null || current.length() < length) {
                    long size = Math.max(length, current == null ? 64 : 2 * current.length());
                    try (MemoryWorkspace outside = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
                        current = Nd4j.ones(type, size);
                    }
                    ONES.set(slot, current);
                }
            }
        }
        return current.data().addressPointer();
    }

    /**
     * The BLAS leading dimension of matrix {@code x}: positive when it is stored row-major (unit column stride),
     * negated when stored column-major (unit row stride), 0 when neither.
     */
    private static int leadingDimension(INDArray x) {
        return leadingDimension(x.size(0), x.size(1), x.stride(0), x.stride(1));
    }

    /** {@link #leadingDimension(INDArray)} of a matrix given by its sizes and strides. */
    private static int leadingDimension(long rows, long cols, long s0, long s1) {
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

package org.metalearn4j.core.tensor;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.openblas.global.openblas_nolapack;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Sums, differences and scalings of small dense arrays as OpenBLAS level-1 calls (copy, then axpy or scal) on the
 * arrays' buffers. ND4J runs {@code INDArray.add/sub} as broadcastable custom ops with an op context per call, about
 * 8-10 us on a 10x40 array, which made the gradient sums of a second-order backward and the SGD step a third of the
 * MAML meta-gradient's samples. The values are identical: {@code a + 1 * b}, {@code a + (-1) * b} and {@code c * a}
 * round once, like the ops.
 */
final class SmallVectorOps {
    /** OpenBLAS 0.3.19 threads axpy above 10,000 elements; larger arrays keep ND4J's threaded kernels. */
    private static final long MAX_LENGTH = 8192;

    private SmallVectorOps() {
    }

    /**
     * {@code a + alpha * b} (alpha 1 or -1 for a sum or a difference) into a new array, or null when the arrays are
     * not small, dense, of one layout and of type float32/float64.
     */
    static INDArray addScaled(INDArray a, INDArray b, double alpha) {
        if (!applies(a) || !applies(b) || a.ordering() != b.ordering() || a.dataType() != b.dataType()) {
            return null;
        }
        INDArray z = copy(a);
        int n = (int) a.length();
        if (a.dataType() == DataType.FLOAT) {
            openblas_nolapack.cblas_saxpy(n, (float) alpha, new FloatPointer(b.data().addressPointer()), 1,
                    new FloatPointer(z.data().addressPointer()), 1);
        } else {
            openblas_nolapack.cblas_daxpy(n, alpha, new DoublePointer(b.data().addressPointer()), 1,
                    new DoublePointer(z.data().addressPointer()), 1);
        }
        return z;
    }

    /**
     * {@code c * a} into a new array (c rounded to a's type first, as the op does), or null when {@code a} does not
     * qualify or {@code c} is 0 (BLAS scal may write zeros over NaN there, where the op keeps NaN).
     */
    static INDArray scale(INDArray a, double c) {
        if (!applies(a) || c == 0) {
            return null;
        }
        INDArray z = copy(a);
        int n = (int) a.length();
        if (a.dataType() == DataType.FLOAT) {
            openblas_nolapack.cblas_sscal(n, (float) c, new FloatPointer(z.data().addressPointer()), 1);
        } else {
            openblas_nolapack.cblas_dscal(n, c, new DoublePointer(z.data().addressPointer()), 1);
        }
        return z;
    }

    private static boolean applies(INDArray x) {
        DataType type = x.dataType();
        return SmallGemm.AVAILABLE && (type == DataType.FLOAT || type == DataType.DOUBLE) && x.length() > 0
                && x.length() <= MAX_LENGTH && x.elementWiseStride() == 1;
    }

    /** A new array of a's shape and ordering holding a copy of its elements. */
    private static INDArray copy(INDArray a) {
        INDArray z = Nd4j.createUninitialized(a.dataType(), a.shape(), a.ordering());
        int n = (int) a.length();
        if (a.dataType() == DataType.FLOAT) {
            openblas_nolapack.cblas_scopy(n, new FloatPointer(a.data().addressPointer()), 1,
                    new FloatPointer(z.data().addressPointer()), 1);
        } else {
            openblas_nolapack.cblas_dcopy(n, new DoublePointer(a.data().addressPointer()), 1,
                    new DoublePointer(z.data().addressPointer()), 1);
        }
        return z;
    }
}

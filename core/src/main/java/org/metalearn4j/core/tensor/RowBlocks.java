package org.metalearn4j.core.tensor;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * An array cut along axis 0 into blocks of at most {@link #BLOCK_ELEMENTS} elements, so that an elementwise temporary
 * needs one block-sized scratch array instead of a copy of the whole array. Inside a step arena every array lives until
 * the step ends, so a whole-size temporary of a 200-image Conv4 activation costs 40 MB of the step's peak memory.
 *
 * @param rows         length of axis 0
 * @param rowsPerBlock rows in every block but possibly the last
 */
record RowBlocks(long rows, long rowsPerBlock) {
    /** 4 MiB of float32: large enough that the per-call overhead of an op is noise, small enough to stay in cache. */
    static final long BLOCK_ELEMENTS = 1L << 20;

    static RowBlocks of(INDArray x) {
        long rows = x.size(0);
        long perRow = Math.max(1, x.length() / Math.max(1, rows));
        return new RowBlocks(rows, Math.max(1, Math.min(rows, BLOCK_ELEMENTS / perRow)));
    }

    /** End (exclusive) of the block that starts at row {@code start}. */
    long end(long start) {
        return Math.min(rows, start + rowsPerBlock);
    }

    /** An uninitialised array shaped like one full block of {@code like}. */
    INDArray scratch(INDArray like) {
        long[] shape = like.shape().clone();
        shape[0] = rowsPerBlock;
        return Nd4j.createUninitialized(like.dataType(), shape, 'c');
    }

    /** The first {@code count} rows of {@code scratch}: the whole of it but for a shorter last block. */
    INDArray head(INDArray scratch, long count) {
        return count == rowsPerBlock ? scratch : rows(scratch, 0, count);
    }

    /** Rows {@code start} (inclusive) to {@code end} (exclusive) of {@code x}, as a view. */
    static INDArray rows(INDArray x, long start, long end) {
        INDArrayIndex[] index = new INDArrayIndex[x.rank()];
        index[0] = NDArrayIndex.interval(start, end);
        for (int i = 1; i < index.length; i++) {
            index[i] = NDArrayIndex.all();
        }
        return x.get(index);
    }
}

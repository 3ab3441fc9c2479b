package org.metalearn4j.core.tensor;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * An array walked along axis 0 in blocks of at most {@link #BLOCK_ELEMENTS} elements, so that an elementwise temporary
 * needs one block-sized scratch array instead of a copy of the whole array. Inside a step arena every array lives until
 * the step ends, so a whole-size temporary of a 200-image Conv4 activation costs 40 MB of the step's peak memory.
 */
public final class RowBlocks {
    /** 4 MiB of float32: large enough that the per-call overhead of an op is noise, small enough to stay in cache. */
    static final long BLOCK_ELEMENTS = 1L << 20;

    private RowBlocks() {
    }

    /** What runs on each block: rows {@code start} to {@code end} (exclusive), with that many rows of scratch. */
    @FunctionalInterface
    interface Body {
        void apply(long start, long end, INDArray scratch);
    }

    /**
     * Runs {@code body} on every block of {@code x} in order, handing each one the same uninitialised scratch array
     * (shaped like a block of {@code x}, cut to the block's rows), allocated once for the whole walk.
     */
    static void forEach(INDArray x, Body body) {
        long rows = x.size(0);
        long perBlock = rowsPerBlock(rows, x.length() / Math.max(1, rows));
        long[] shape = x.shape().clone();
        shape[0] = perBlock;
        INDArray scratch = Nd4j.createUninitialized(x.dataType(), shape, 'c');
        for (long start = 0; start < rows; start += perBlock) {
            long end = Math.min(rows, start + perBlock);
            body.apply(start, end, head(scratch, end - start));
        }
    }

    /**
     * How many rows of {@code elementsPerRow} elements make one block (at least one, at most {@code rows}): for fused
     * ops outside this package that walk their own blocks with several scratch arrays of one block's rows each.
     */
    public static long rowsPerBlock(long rows, long elementsPerRow) {
        return Math.max(1, Math.min(rows, BLOCK_ELEMENTS / Math.max(1, elementsPerRow)));
    }

    /** The first {@code count} rows of a block-sized scratch array: all of it but for a shorter last block. */
    public static INDArray head(INDArray scratch, long count) {
        return count == scratch.size(0) ? scratch : rows(scratch, 0, count);
    }

    /** Rows {@code start} (inclusive) to {@code end} (exclusive) of {@code x}, as a view. */
    public static INDArray rows(INDArray x, long start, long end) {
        INDArrayIndex[] index = new INDArrayIndex[x.rank()];
        index[0] = NDArrayIndex.interval(start, end);
        for (int i = 1; i < index.length; i++) {
            index[i] = NDArrayIndex.all();
        }
        return x.get(index);
    }
}

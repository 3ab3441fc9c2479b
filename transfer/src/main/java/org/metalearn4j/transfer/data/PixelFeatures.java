package org.metalearn4j.transfer.data;

import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Raw inputs as feature vectors, for stages that start from no trained backbone: images {@code [n, c, h, w]} are
 * average-pooled by {@code pool} (which keeps closed-form solvers' matrices small) and flattened.
 */
public final class PixelFeatures {
    private PixelFeatures() {
    }

    /** [n, features]; {@code pool <= 1} only flattens. */
    public static INDArray of(INDArray x, int pool) {
        long n = x.size(0);
        if (x.rank() != 4 || pool <= 1) {
            return x.reshape('c', n, x.length() / n).dup();
        }
        long c = x.size(1);
        long h = x.size(2);
        long w = x.size(3);
        if (h % pool != 0 || w % pool != 0) {
            throw new IllegalArgumentException("pool " + pool + " must divide the image size " + h + "x" + w
                    + " of inputs " + Arrays.toString(x.shape()));
        }
        INDArray pooled = x.dup('c').reshape('c', n, c, h / pool, pool, w / pool, pool).mean(3, 5);
        return pooled.reshape('c', n, c * (h / pool) * (w / pool));
    }
}

package org.metalearn4j.transfer.linalg;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.BooleanIndexing;
import org.nd4j.linalg.indexing.conditions.Conditions;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Per-feature shift and scale learned on training features and applied unchanged to test features, so solvers see
 * well-conditioned inputs whatever the backbone's feature scale. Constant features get scale 1 instead of dividing
 * by zero.
 *
 * @param mean [d] feature means
 * @param std  [d] feature standard deviations (1 where a feature is constant)
 */
public record Standardizer(INDArray mean, INDArray std) {

    public static Standardizer fit(INDArray x) {
        INDArray xd = x.castTo(DataType.DOUBLE);
        INDArray mean = xd.mean(0);
        INDArray std = Transforms.sqrt(Transforms.pow(xd.sub(mean), 2).mean(0), false);
        BooleanIndexing.replaceWhere(std, 1.0, Conditions.lessThan(1e-12));
        return new Standardizer(mean, std);
    }

    /** A new float64 array; {@code x} is left untouched. */
    public INDArray apply(INDArray x) {
        return x.castTo(DataType.DOUBLE).sub(mean).divi(std);
    }
}

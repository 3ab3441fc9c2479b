package org.metalearn4j.transfer.instance;

import java.util.Arrays;
import org.metalearn4j.transfer.linalg.LogisticRegression;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Importance weights for source examples from a logistic-regression domain classifier: with both domains given equal
 * total weight during fitting, {@code p(target|x) / p(source|x)} estimates the density ratio
 * {@code p_target(x) / p_source(x)}. Ratios are clipped at {@code maxWeight} (a few extreme ratios would otherwise
 * dominate the weighted loss) and normalised to mean 1 over the source set, so the loss scale is unchanged.
 */
public final class DensityRatioWeights {
    private DensityRatioWeights() {
    }

    /**
     * @param source    [ns, d] source features
     * @param target    [nt, d] target features (labels are not needed)
     * @param l2        weight penalty of the domain classifier
     * @param maxWeight clip for the raw ratio, > 0
     * @return [ns] weights, mean 1
     */
    public static INDArray compute(INDArray source, INDArray target, double l2, double maxWeight) {
        if (source.rank() != 2 || target.rank() != 2 || source.columns() != target.columns()) {
            throw new IllegalArgumentException("source and target features must be [n, d] with the same d, got "
                    + Arrays.toString(source.shape()) + " and " + Arrays.toString(target.shape()));
        }
        if (!(maxWeight > 0)) {
            throw new IllegalArgumentException("maxWeight must be > 0, got " + maxWeight);
        }
        int ns = source.rows();
        int nt = target.rows();
        INDArray x = Nd4j.vstack(source.castTo(DataType.DOUBLE), target.castTo(DataType.DOUBLE));
        INDArray domain = Nd4j.vstack(Nd4j.zeros(DataType.DOUBLE, ns, 1),
                Nd4j.ones(DataType.DOUBLE, nt, 1)).reshape(-1);
        // Balancing the two domains removes the prior odds nt/ns from the classifier, leaving the density ratio.
        INDArray balance = Nd4j.vstack(Nd4j.valueArrayOf(new long[] {ns, 1}, 1.0 / ns, DataType.DOUBLE),
                Nd4j.valueArrayOf(new long[] {nt, 1}, 1.0 / nt, DataType.DOUBLE)).reshape(-1);
        LogisticRegression.Model classifier = LogisticRegression.fit(x, domain, balance, l2);
        // p/(1-p) = exp(logit): exact and safe for confident predictions.
        INDArray ratio = Transforms.exp(classifier.logits(source), false);
        ratio = Transforms.min(ratio, maxWeight, false);
        return ratio.divi(ratio.meanNumber().doubleValue());
    }
}

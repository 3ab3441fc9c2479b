package org.metalearn4j.transfer.zeroshot;

import java.util.ArrayList;
import java.util.List;
import org.metalearn4j.core.task.Rows;
import org.metalearn4j.transfer.linalg.LogisticRegression;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Direct attribute prediction (Lampert, Nickisch and Harmeling, CVPR 2009 / TPAMI 2014): one probabilistic classifier
 * per attribute, trained on the seen classes (each example labelled with its class's attribute values), and a class
 * posterior {@code p(z|x) ∝ prod_m p(a_m = a_m^z | x) / p(a_m = a_m^z)} for any class {@code z}, seen or not.
 *
 * <p>Graded attribute values {@code a in [0, 1]} are treated as soft labels: the per-attribute classifier is fitted to
 * them by cross-entropy and a class's attribute likelihood is {@code a p + (1 - a)(1 - p)}, which reduces to the
 * paper's rule for binary attributes. The prior {@code p(a_m = 1)} is the mean over the training classes, as in the
 * paper, clipped away from 0 and 1.
 */
public final class DirectAttributePrediction {
    private static final double EPS = 1e-4;

    private DirectAttributePrediction() {
    }

    /**
     * The fitted per-attribute classifiers and priors.
     *
     * @param classifiers one per attribute column
     * @param prior       [a] {@code p(a_m = 1)} over the training classes
     */
    public record Model(List<LogisticRegression.Model> classifiers, INDArray prior) implements ZeroShotModel {
        public Model {
            classifiers = List.copyOf(classifiers);
        }

        /** [n, a] attribute probabilities {@code p(a_m = 1 | x)}. */
        public INDArray attributeProbabilities(INDArray features) {
            INDArray p = Nd4j.create(DataType.DOUBLE, features.rows(), classifiers.size());
            for (int m = 0; m < classifiers.size(); m++) {
                p.putColumn(m, classifiers.get(m).probabilities(features));
            }
            return p;
        }

        /** Log class posteriors up to a per-example constant; {@link #posteriors} normalises them. */
        @Override
        public INDArray scores(INDArray features, INDArray attributes) {
            INDArray a = attributes.castTo(DataType.DOUBLE);
            if (a.columns() != classifiers.size()) {
                throw new IllegalArgumentException("class descriptors have " + a.columns()
                        + " attributes, the model was"
                        + " trained on " + classifiers.size());
            }
            INDArray p = clip(attributeProbabilities(features));
            INDArray priorOne = clip(prior.reshape(1, -1));
            INDArray out = Nd4j.create(DataType.DOUBLE, features.rows(), a.rows());
            for (int z = 0; z < a.rows(); z++) {
                INDArray az = a.getRow(z).reshape(1, -1);
                double logPrior = Transforms.log(likelihood(priorOne, az), false).sumNumber().doubleValue();
                out.putColumn(z, Transforms.log(likelihood(p, az), false).sum(1).subi(logPrior));
            }
            return out;
        }

        /** [n, c] normalised posteriors over the given classes. */
        public INDArray posteriors(INDArray features, INDArray attributes) {
            return Transforms.softmax(scores(features, attributes), false);
        }
    }

    /**
     * Fits one L2-regularised logistic regression per attribute.
     *
     * @param features   [m, d] features of training examples
     * @param labels     [m] class indices into the rows of {@code attributes}
     * @param attributes [z, a] descriptors of the training classes, values in [0, 1]
     * @param l2         weight penalty of each attribute classifier
     */
    public static Model fit(INDArray features, INDArray labels, INDArray attributes, double l2) {
        INDArray a = attributes.castTo(DataType.DOUBLE);
        if (a.minNumber().doubleValue() < 0 || a.maxNumber().doubleValue() > 1) {
            throw new IllegalArgumentException("DAP needs attribute values in [0, 1], got range ["
                    + a.minNumber() + ", " + a.maxNumber() + "]");
        }
        int[] y = Labels.indices(labels, a.rows());
        INDArray perExample = Rows.gather(a, y);
        List<LogisticRegression.Model> classifiers = new ArrayList<>();
        for (int m = 0; m < a.columns(); m++) {
            classifiers.add(LogisticRegression.fit(features, perExample.getColumn(m), null, l2));
        }
        return new Model(classifiers, a.mean(0));
    }

    private static INDArray clip(INDArray p) {
        return Transforms.max(Transforms.min(p, 1 - EPS, true), EPS, false);
    }

    /** Probability of class row {@code az}'s attribute values under attribute probabilities {@code p}, per element. */
    private static INDArray likelihood(INDArray p, INDArray az) {
        return p.mul(az).addi(p.rsub(1.0).muli(az.rsub(1.0)));
    }
}

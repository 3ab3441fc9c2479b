package org.metalearn4j.transfer.zeroshot;

import java.util.Arrays;
import org.metalearn4j.transfer.linalg.Solve;
import org.metalearn4j.transfer.linalg.Standardizer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Embarrassingly simple zero-shot learning (Romera-Paredes and Torr, ICML 2015): a bilinear compatibility
 * {@code x^T V s} between features and class descriptors, fitted in closed form.
 *
 * <p>In the paper's column orientation ({@code X [d, m]}, {@code Y [m, z]}, {@code S [a, z]})
 * {@code V = (X X^T + gamma I)^-1 X Y S^T (S S^T + lambda I)^-1}. With our row orientation ({@code x = X^T [m, d]},
 * {@code s = S^T [z, a]}) that is {@code V = (x^T x + gamma I)^-1 x^T y s (s^T s + lambda I)^-1}, {@code V [d, a]}.
 * {@code gamma} regularises the feature side, {@code lambda} the attribute side.
 */
public final class Eszsl {
    private Eszsl() {
    }

    /**
     * The fitted model: scores {@code standardise(x) V s^T}.
     *
     * @param scaler feature standardisation learned on the training features
     * @param v      [d, a] bilinear map
     */
    public record Model(Standardizer scaler, INDArray v) implements ZeroShotModel {
        @Override
        public INDArray scores(INDArray features, INDArray attributes) {
            return scaler.apply(features).mmul(v).mmul(attributes.castTo(DataType.DOUBLE).transpose());
        }
    }

    /**
     * The closed form for an arbitrary target matrix (used directly to check it recovers a planted map).
     *
     * @param x [m, d] features
     * @param y [m, z] targets, one column per training class
     * @param s [z, a] descriptors of the training classes
     * @return V [d, a]
     */
    public static INDArray solve(INDArray x, INDArray y, INDArray s, double gamma, double lambda) {
        if (x.rank() != 2 || y.rank() != 2 || s.rank() != 2 || y.rows() != x.rows() || s.rows() != y.columns()) {
            throw new IllegalArgumentException("ESZSL needs x [m,d], y [m,z], s [z,a]; got x "
                    + Arrays.toString(x.shape())
                    + ", y " + Arrays.toString(y.shape()) + ", s " + Arrays.toString(s.shape()));
        }
        INDArray xd = x.castTo(DataType.DOUBLE);
        INDArray sd = s.castTo(DataType.DOUBLE);
        INDArray left = Solve.ridge(xd.transpose().mmul(xd), gamma,
                xd.transpose().mmul(y.castTo(DataType.DOUBLE)).mmul(sd));
        // left (x^T x + gI)^-1 x^T y s is [d, a]; the right factor is symmetric, so right-multiplying by its inverse
        // equals ((s^T s + lI)^-1 left^T)^T.
        return Solve.ridge(sd.transpose().mmul(sd), lambda, left.transpose()).transpose().dup();
    }

    /**
     * Fits on labelled examples of the training classes, with the paper's {-1, +1} one-vs-rest targets.
     *
     * @param features   [m, d]
     * @param labels     [m] class indices into the rows of {@code attributes}
     * @param attributes [z, a] descriptors of the training classes
     */
    public static Model fit(INDArray features, INDArray labels, INDArray attributes, double gamma, double lambda) {
        Standardizer scaler = Standardizer.fit(features);
        INDArray y = Labels.signedOneHot(labels, attributes.rows());
        return new Model(scaler, solve(scaler.apply(features), y, attributes, gamma, lambda));
    }
}

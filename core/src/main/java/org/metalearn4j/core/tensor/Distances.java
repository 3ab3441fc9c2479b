package org.metalearn4j.core.tensor;

/** Pairwise distances and similarities between the rows of two matrices (metric learners, attention). */
public final class Distances {
    private Distances() {
    }

    /** {@code out[i][j] = |a_i - b_j|^2} for {@code a [n,d]}, {@code b [m,d]}; computed as norms minus 2 a b^T. */
    public static Tensor pairwiseSquaredEuclidean(Tensor a, Tensor b) {
        check("pairwiseSquaredEuclidean", a, b);
        Tensor aa = a.square().sum(true, 1);
        Tensor bb = b.square().sum(true, 1).reshape(1, b.shape()[0]);
        return aa.add(bb).sub(a.matmul(b, false, true).mul(2.0));
    }

    /** {@code out[i][j] = cos(a_i, b_j)}; {@code eps} keeps zero rows finite. */
    public static Tensor cosineSimilarity(Tensor a, Tensor b, double eps) {
        check("cosineSimilarity", a, b);
        Tensor an = a.div(a.square().sum(true, 1).add(eps).sqrt());
        Tensor bn = b.div(b.square().sum(true, 1).add(eps).sqrt());
        return an.matmul(bn, false, true);
    }

    private static void check(String op, Tensor a, Tensor b) {
        if (a.rank() != 2 || b.rank() != 2 || a.shape()[1] != b.shape()[1]) {
            throw ShapeException.of(op, "expected matrices with the same number of columns", "a", a.shape(), "b",
                    b.shape());
        }
    }
}

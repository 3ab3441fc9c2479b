package org.metalearn4j.optimization.bayes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.metalearn4j.core.config.Checks;
import org.metalearn4j.core.nn.Params;
import org.metalearn4j.core.optim.UpdateRule;
import org.metalearn4j.core.tensor.Distances;
import org.metalearn4j.core.tensor.Tensor;
import org.metalearn4j.optimization.Coordinates;

/**
 * Stein variational gradient descent over the particles of a joint parameter set (Liu and Wang 2016), the inner
 * update of Bayesian MAML: with the particles as rows {@code theta [M, D]} and the gradients of their losses
 * {@code g [M, D]},
 * {@code theta_i += lr / M * sum_j [k(theta_j, theta_i) (-g_j) + grad_{theta_j} k(theta_j, theta_i)]}
 * with the RBF kernel {@code k = exp(-|theta_i - theta_j|^2 / h)} and the median heuristic
 * {@code h = median(|theta_i - theta_j|^2) / log(M + 1)} (or a fixed h). The first term pulls every particle downhill, weighted by
 * its neighbours; the second pushes particles apart. The bandwidth is a constant of each step (not differentiated);
 * everything else is differentiable, to any order.
 */
final class SvgdRule implements UpdateRule {
    private final double lr;
    private final double bandwidth;
    private final Particles particles;

    /** @param bandwidth a fixed kernel bandwidth, or 0 for the median heuristic */
    SvgdRule(double lr, double bandwidth, Particles particles) {
        this.lr = Checks.positive("innerLr", lr);
        this.bandwidth = Checks.nonNegative("bandwidth", bandwidth);
        this.particles = particles;
    }

    @Override
    public Step step(Params params, Params grads, Tensor loss, Params state) {
        List<Coordinates> layouts = particles.layouts(params);
        Tensor theta = rows(layouts, params);
        Tensor g = rows(layouts, grads);
        int m = layouts.size();
        Tensor distances = Distances.pairwiseSquaredEuclidean(theta, theta);
        double h = bandwidth > 0 ? bandwidth : medianHeuristic(distances.value().toDoubleMatrix(), m);
        Tensor kernel = distances.mul(-1.0 / h).exp();
        Tensor attraction = kernel.matmul(g).neg();
        Tensor repulsion = theta.mul(kernel.sum(true, 1)).sub(kernel.matmul(theta)).mul(2.0 / h);
        Tensor next = theta.add(attraction.add(repulsion).mul(lr / m));
        Params out = params;
        for (int i = 0; i < m; i++) {
            out = layouts.get(i).replace(out, next.slice(0, i, i + 1).reshape(layouts.get(i).size(), 1));
        }
        return new Step(out, state);
    }

    /** One particle per row. */
    private static Tensor rows(List<Coordinates> layouts, Params values) {
        List<Tensor> rows = new ArrayList<>(layouts.size());
        for (Coordinates c : layouts) {
            rows.add(c.column(values).reshape(1, c.size()));
        }
        return Tensor.concat(0, rows);
    }

    /** The median of the off-diagonal squared distances over log(M + 1); 1 when the particles coincide. */
    static double medianHeuristic(double[][] distances, int m) {
        double[] off = new double[m * (m - 1)];
        int k = 0;
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                if (i != j) {
                    off[k++] = Math.max(0, distances[i][j]);
                }
            }
        }
        Arrays.sort(off);
        double median = off.length % 2 == 1 ? off[off.length / 2] : 0.5 * (off[off.length / 2 - 1]
                + off[off.length / 2]);
        return median > 0 ? median / Math.log(m + 1) : 1.0;
    }
}

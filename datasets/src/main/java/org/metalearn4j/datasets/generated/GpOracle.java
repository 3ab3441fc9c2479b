package org.metalearn4j.datasets.generated;

import java.util.Optional;
import org.metalearn4j.core.learner.Adapter;
import org.metalearn4j.core.learner.Prediction;
import org.metalearn4j.core.learner.Predictor;
import org.metalearn4j.core.learner.ProbabilisticPredictor;
import org.metalearn4j.core.linalg.Cholesky;
import org.metalearn4j.core.task.Examples;
import org.metalearn4j.core.task.TaskType;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The exact Gaussian-process posterior of a {@code gp-curves} task, the ceiling any learner's predictive
 * log-likelihood on those tasks can reach: it knows the kernel each task was drawn from (its descriptor
 * {@code [lengthScale, signalStd]}) and the noise, and conditions on the support set in float64 with a Cholesky
 * factor. Each query point gets the marginal predictive {@code N(k*^T K^-1 y, k** + noise - k*^T K^-1 k*)} of its
 * noisy target, where {@code K} is the support points' kernel matrix plus the same noise (and jitter) the curves were
 * drawn with; marginals, like the neural processes' per-point predictions, so the evaluator's log-likelihoods compare
 * directly.
 */
public final class GpOracle implements Adapter {
    private final double noiseVariance;

    /** The oracle for tasks drawn with {@code config} (only its noise is read; the kernel comes with each task). */
    public GpOracle(GpCurvesConfig config) {
        this.noiseVariance = config.noiseStd() * config.noiseStd() + GpCurvesFamily.JITTER;
    }

    /** Always fails: the posterior needs the task's kernel, which arrives as its descriptor. */
    @Override
    public Predictor adapt(Examples support, TaskType type, int ways) {
        throw new IllegalArgumentException("the GP oracle needs each task's descriptor [lengthScale, signalStd]");
    }

    @Override
    public Predictor adapt(Examples support, TaskType type, int ways, Optional<INDArray> descriptor) {
        INDArray d = descriptor.orElseThrow(() -> new IllegalArgumentException(
                "the GP oracle needs the task's descriptor [lengthScale, signalStd]; this task has none"));
        if (type != TaskType.REGRESSION || d.length() != 2) {
            throw new IllegalArgumentException("the GP oracle scores gp-curves tasks (regression, descriptor"
                    + " [lengthScale, signalStd]); got a " + type + " task with a descriptor of length " + d.length());
        }
        double signalStd = d.getDouble(1);
        RbfKernel kernel = new RbfKernel(d.getDouble(0), signalStd * signalStd);
        double[] xs = column(support.x(), "support inputs");
        double[] ys = column(support.y(), "support targets");
        if (xs.length == 0) {
            throw new IllegalArgumentException("the GP oracle needs at least one support point");
        }
        Cholesky chol = Cholesky.of(kernel.matrix(xs, noiseVariance), xs.length);
        double[] alpha = chol.solve(ys);
        return (ProbabilisticPredictor) x -> {
            double[] queries = column(x, "query inputs");
            double[] mean = new double[queries.length];
            double[] std = new double[queries.length];
            double[] k = new double[xs.length];
            for (int q = 0; q < queries.length; q++) {
                for (int i = 0; i < xs.length; i++) {
                    k[i] = kernel.at(queries[q], xs[i]);
                }
                double[] v = chol.solveLower(k);
                double m = 0;
                double explained = 0;
                for (int i = 0; i < xs.length; i++) {
                    m += k[i] * alpha[i];
                    explained += v[i] * v[i];
                }
                mean[q] = m;
                std[q] = Math.sqrt(Math.max(kernel.at(queries[q], queries[q]) + noiseVariance - explained,
                        noiseVariance));
            }
            long[] shape = {queries.length, 1};
            return new Prediction(Nd4j.create(mean, shape, DataType.DOUBLE), Nd4j.create(std, shape, DataType.DOUBLE));
        };
    }

    private static double[] column(INDArray a, String what) {
        if (a.rank() != 2 || a.size(1) != 1) {
            throw new IllegalArgumentException("the GP oracle expects " + what + " of shape [n, 1], got "
                    + java.util.Arrays.toString(a.shape()));
        }
        return a.castTo(DataType.DOUBLE).reshape(a.length()).toDoubleVector();
    }
}

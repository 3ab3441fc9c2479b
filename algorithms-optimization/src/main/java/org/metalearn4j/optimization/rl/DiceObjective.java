package org.metalearn4j.optimization.rl;

import org.metalearn4j.core.nn.Params;
import org.metalearn4j.core.tensor.Tensor;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The DiCE surrogate of the expected discounted return (Foerster et al. 2018) with the baseline of Mao et al. (2019):
 * <pre>
 * J = (1/n) sum_i sum_t gamma^t [ r_it * M(sum_{t' <= t} log pi(a_it' | s_it')) + b_it * (1 - M(log pi(a_it | s_it))) ]
 * </pre>
 * with the "magic box" {@code M(x) = exp(x - stop_gradient(x))}, which is 1 in value and whose derivatives of every
 * order are those of the likelihood ratio {@code pi_theta / pi_theta0} at the sampling weights {@code theta0}. So
 * {@code J}'s value is the batch's mean discounted return, its gradient the score-function (REINFORCE) estimate with
 * reward-to-go and baseline, and its Hessian an unbiased estimate of the Hessian of the expected return: the
 * dependence of the sampling distribution on the weights is kept, which MAML's second-order meta-gradient through a
 * policy-gradient step needs and the plain {@code log pi * advantage} surrogate misses. {@link #surrogate} returns
 * {@code J} divided by a positive constant of the batch ({@link #advantageScale}), which scales every derivative
 * alike.
 */
final class DiceObjective {
    private DiceObjective() {
    }

    /**
     * The surrogate for trajectories sampled with the weights {@code params} has now.
     *
     * @param baseline per-row baseline values (constants), e.g. {@link LinearFeatureBaseline#fit}
     */
    static Tensor surrogate(GaussianPolicy policy, Params params, Trajectories batch, double[] baseline,
                            double discount) {
        int n = batch.count();
        int horizon = batch.horizon();
        DataType type = params.tensors().get(0).dataType();
        double[] rewardWeights = new double[batch.rows()];
        double[] baselineWeights = new double[batch.rows()];
        for (int row = 0; row < batch.rows(); row++) {
            double decay = Math.pow(discount, row % horizon);
            rewardWeights[row] = decay * batch.rewards()[row];
            baselineWeights[row] = decay * baseline[row] * batch.alive()[row];
        }
        Tensor observations = GaussianPolicy.constant(batch.observations(), batch.rows(), batch.observationSize(),
                type);
        Tensor actions = GaussianPolicy.constant(batch.actions(), batch.rows(), batch.actionSize(), type);
        Tensor logProb = policy.logProb(params, observations, actions).reshape(n, horizon)
                .mul(GaussianPolicy.constant(batch.alive(), n, horizon, type));
        Tensor cumulative = logProb.matmul(GaussianPolicy.constant(upperTriangle(horizon), horizon, horizon, type));
        Tensor rewardTerm = magic(cumulative).mul(GaussianPolicy.constant(rewardWeights, n, horizon, type)).sum();
        Tensor baselineTerm = magic(logProb).rsub(1.0)
                .mul(GaussianPolicy.constant(baselineWeights, n, horizon, type)).sum();
        return rewardTerm.add(baselineTerm).div(n * horizon * advantageScale(batch, baseline, discount));
    }

    /**
     * The standard deviation of the discounted advantages {@code gamma^t (G_t - b_t)} over the steps that happened
     * (1 if they are all equal): dividing the surrogate by it and by the horizon puts the policy-gradient step on
     * the scale of Finn et al.'s rllab code, which normalises advantages and averages over time steps. A positive
     * constant of the batch, it changes the step length, not its direction, and is not differentiated.
     */
    static double advantageScale(Trajectories batch, double[] baseline, double discount) {
        double[] returns = batch.returnsToGo(discount);
        double sum = 0;
        double sumSq = 0;
        int n = 0;
        for (int row = 0; row < batch.rows(); row++) {
            if (batch.alive()[row] > 0) {
                double a = Math.pow(discount, row % batch.horizon()) * (returns[row] - baseline[row]);
                sum += a;
                sumSq += a * a;
                n++;
            }
        }
        double variance = n > 1 ? (sumSq - sum * sum / n) / (n - 1) : 0;
        return variance > 1e-16 ? Math.sqrt(variance) : 1;
    }

    /** {@code exp(x - stop_gradient(x))}. */
    static Tensor magic(Tensor x) {
        return x.sub(x.detach()).exp();
    }

    /** {@code U[s][t] = 1} for {@code s <= t}: {@code x U} sums each row's entries up to every step. */
    private static double[] upperTriangle(int horizon) {
        double[] u = new double[horizon * horizon];
        for (int s = 0; s < horizon; s++) {
            for (int t = s; t < horizon; t++) {
                u[s * horizon + t] = 1;
            }
        }
        return u;
    }
}

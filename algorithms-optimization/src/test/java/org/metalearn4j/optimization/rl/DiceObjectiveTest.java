package org.metalearn4j.optimization.rl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.metalearn4j.core.env.EnvironmentFamily;
import org.metalearn4j.core.learner.InnerLoop;
import org.metalearn4j.core.nn.BackboneSpec;
import org.metalearn4j.core.nn.Params;
import org.metalearn4j.core.nn.backbone.BackboneUse;
import org.metalearn4j.core.optim.UpdateRule;
import org.metalearn4j.core.tensor.Autograd;
import org.metalearn4j.core.tensor.Tensor;
import org.metalearn4j.core.testing.GradCheck;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The DiCE surrogate's derivatives against float64 central differences, on a tiny fixed batch of trajectories (3
 * trajectories of 6 steps of 2-D navigation, sampled once with the weights {@code theta0}). DiCE's value does not
 * move with the weights, so the function differentiated numerically is the importance-weighted estimate of the same
 * objective from the same trajectories,
 * {@code J(theta) = (1/n) sum gamma^t [r_t prod_{t'<=t} rho_t' + b_t (1 - rho_t)]} with {@code rho = pi_theta(a|s) / pi_theta0(a|s)}: its derivatives of every order at {@code theta0} are what the
 * DiCE surrogate's must be. Checked: the gradient, a Hessian-vector product, and the MAML meta-gradient through one
 * adaptation step.
 */
class DiceObjectiveTest {
    private static final double DISCOUNT = 0.9;
    private static final double TOL = 1e-5;

    private static GaussianPolicy policy;
    private static List<String> names;
    private static List<INDArray> theta0;
    private static EnvironmentFamily family;

    @BeforeAll
    static void setUp() {
        family = new TinyNavigation(6);
        policy = new GaussianPolicy(BackboneSpec.fromJson(org.metalearn4j.core.config.ConfigMappers.readJson(
                "{\"type\":\"mlp\",\"hidden\":[3],\"activation\":\"tanh\"}", "test")).build(new long[] {2},
                BackboneUse.FEATURES), 2, -0.5);
        Params p = policy.model().init(11, DataType.DOUBLE);
        names = p.names();
        theta0 = p.tensors().stream().map(t -> t.value().dup()).toList();
    }

    private static Params params(List<Tensor> values) {
        return Params.of(names, values);
    }

    private static List<Tensor> variables(List<INDArray> values) {
        return values.stream().map(v -> Tensor.variable(v.dup())).toList();
    }

    private static Trajectories sampled(List<INDArray> at, double[] goal, long seed) {
        return RolloutSampler.sample(policy, params(variables(at)), family, goal, 3, seed);
    }

    /** The importance-weighted estimate anchored at the sampling weights {@code anchor}, in tensor ops. */
    private static Tensor importanceWeighted(Params weights, Trajectories batch, double[] baseline,
                                             List<INDArray> anchor) {
        int n = batch.count();
        int h = batch.horizon();
        Tensor obs = GaussianPolicy.constant(batch.observations(), batch.rows(), 2, DataType.DOUBLE);
        Tensor act = GaussianPolicy.constant(batch.actions(), batch.rows(), 2, DataType.DOUBLE);
        Tensor alive = GaussianPolicy.constant(batch.alive(), n, h, DataType.DOUBLE);
        Tensor logp = policy.logProb(weights, obs, act).reshape(n, h).mul(alive);
        Tensor logp0 = policy.logProb(params(anchor.stream().map(Tensor::constant).toList()), obs, act)
                .reshape(n, h).mul(alive).detach();
        Tensor logRatio = logp.sub(logp0);
        double[] cumulate = new double[h * h];
        double[] rewardWeights = new double[batch.rows()];
        double[] baselineWeights = new double[batch.rows()];
        for (int s = 0; s < h; s++) {
            for (int t = s; t < h; t++) {
                cumulate[s * h + t] = 1;
            }
        }
        for (int row = 0; row < batch.rows(); row++) {
            double decay = Math.pow(DISCOUNT, row % h);
            rewardWeights[row] = decay * batch.rewards()[row];
            baselineWeights[row] = decay * baseline[row] * batch.alive()[row];
        }
        Tensor products = logRatio.matmul(GaussianPolicy.constant(cumulate, h, h, DataType.DOUBLE)).exp();
        Tensor j = products.mul(GaussianPolicy.constant(rewardWeights, n, h, DataType.DOUBLE)).sum()
                .add(logRatio.exp().rsub(1.0).mul(GaussianPolicy.constant(baselineWeights, n, h, DataType.DOUBLE))
                        .sum());
        return j.div(n * h * DiceObjective.advantageScale(batch, baseline, DISCOUNT));
    }

    private static List<INDArray> values(List<Tensor> tensors) {
        return tensors.stream().map(t -> t.value().dup()).toList();
    }

    private static INDArray direction(int i) {
        return GradCheck.random(500 + i, theta0.get(i).shape());
    }

    @Test
    void surrogateHasTheValueOfTheDiscountedReturnTimesItsScale() {
        Trajectories batch = sampled(theta0, new double[] {0.3, -0.2}, 1);
        double[] baseline = LinearFeatureBaseline.fit(batch, DISCOUNT);
        double discounted = 0;
        for (int row = 0; row < batch.rows(); row++) {
            discounted += Math.pow(DISCOUNT, row % batch.horizon()) * batch.rewards()[row];
        }
        double expected = discounted / batch.count()
                / (batch.horizon() * DiceObjective.advantageScale(batch, baseline, DISCOUNT));
        double value = DiceObjective.surrogate(policy, params(variables(theta0)), batch, baseline, DISCOUNT).item();
        assertThat(value).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void firstDerivativesMatchFiniteDifferences() {
        Trajectories batch = sampled(theta0, new double[] {0.3, -0.2}, 1);
        double[] baseline = LinearFeatureBaseline.fit(batch, DISCOUNT);
        List<Tensor> vars = variables(theta0);
        Tensor dice = DiceObjective.surrogate(policy, params(vars), batch, baseline, DISCOUNT);
        List<INDArray> analytic = values(Autograd.grad(dice, vars, false));
        assertThat(analytic.stream().mapToDouble(a -> a.norm2Number().doubleValue()).sum()).isGreaterThan(1e-3);
        GradCheck.matchesFiniteDifferences(
                xs -> importanceWeighted(params(variables(xs)), batch, baseline, theta0).item(), theta0, analytic,
                TOL);
    }

    @Test
    void secondDerivativesMatchFiniteDifferences() {
        Trajectories batch = sampled(theta0, new double[] {-0.4, 0.1}, 2);
        double[] baseline = LinearFeatureBaseline.fit(batch, DISCOUNT);
        List<Tensor> vars = variables(theta0);
        Tensor dice = DiceObjective.surrogate(policy, params(vars), batch, baseline, DISCOUNT);
        List<Tensor> grads = Autograd.grad(dice, vars, true);
        Tensor inner = null;
        for (int i = 0; i < grads.size(); i++) {
            Tensor term = grads.get(i).mul(Tensor.constant(direction(i))).sum();
            inner = inner == null ? term : inner.add(term);
        }
        List<INDArray> hessianTimesV = values(Autograd.grad(inner, vars, false));
        Function<List<INDArray>, Double> gradientAlongV = xs -> {
            List<Tensor> at = variables(xs);
            List<Tensor> g = Autograd.grad(importanceWeighted(params(at), batch, baseline, theta0), at, false);
            double sum = 0;
            for (int i = 0; i < g.size(); i++) {
                sum += g.get(i).value().mul(direction(i)).sumNumber().doubleValue();
            }
            return sum;
        };
        GradCheck.matchesFiniteDifferences(gradientAlongV, theta0, hessianTimesV, TOL);
    }

    @Test
    void mamlMetaGradientThroughOneAdaptationStepMatchesFiniteDifferences() {
        double lr = 0.5;
        double[] goal = {0.25, 0.4};
        Trajectories support = sampled(theta0, goal, 3);
        double[] supportBaseline = LinearFeatureBaseline.fit(support, DISCOUNT);
        List<Tensor> vars = variables(theta0);
        Params adapted = InnerLoop.adapt(params(vars), (w, step) -> DiceObjective.surrogate(policy, w, support,
                supportBaseline, DISCOUNT).neg(), UpdateRule.sgd(lr), 1, true);
        List<INDArray> theta1 = values(adapted.tensors());
        Trajectories query = sampled(theta1, goal, 4);
        double[] queryBaseline = LinearFeatureBaseline.fit(query, DISCOUNT);
        Tensor outer = DiceObjective.surrogate(policy, adapted, query, queryBaseline, DISCOUNT);
        List<INDArray> analytic = values(Autograd.grad(outer, vars, false));

        Function<List<INDArray>, Double> metaObjective = xs -> {
            List<Tensor> at = variables(xs);
            List<Tensor> g = Autograd.grad(importanceWeighted(params(at), support, supportBaseline, theta0), at,
                    false);
            List<Tensor> stepped = new ArrayList<>();
            for (int i = 0; i < at.size(); i++) {
                stepped.add(Tensor.constant(xs.get(i).add(g.get(i).value().mul(lr))));
            }
            return importanceWeighted(params(stepped), query, queryBaseline, theta1).item();
        };
        GradCheck.matchesFiniteDifferences(metaObjective, theta0, analytic, TOL);

        List<Tensor> firstOrderVars = variables(theta0);
        Params firstOrder = InnerLoop.adapt(params(firstOrderVars), (w, step) -> DiceObjective.surrogate(policy, w,
                support, supportBaseline, DISCOUNT).neg(), UpdateRule.sgd(lr), 1, false);
        List<INDArray> fo = values(Autograd.grad(DiceObjective.surrogate(policy, firstOrder, query, queryBaseline,
                DISCOUNT), firstOrderVars, false));
        double difference = 0;
        for (int i = 0; i < fo.size(); i++) {
            difference = Math.max(difference, GradCheck.maxRelativeError(fo.get(i), analytic.get(i)));
        }
        assertThat(difference).as("first-order MAML drops the second-order terms").isGreaterThan(1e-4);
    }

    @Test
    void plainLogProbTimesAdvantageSurrogateMissesTheSecondOrderTerm() {
        Trajectories batch = sampled(theta0, new double[] {-0.4, 0.1}, 2);
        double[] baseline = LinearFeatureBaseline.fit(batch, DISCOUNT);
        double[] returns = batch.returnsToGo(DISCOUNT);
        double scale = batch.count() * batch.horizon() * DiceObjective.advantageScale(batch, baseline, DISCOUNT);
        double[] advantage = new double[batch.rows()];
        for (int row = 0; row < batch.rows(); row++) {
            advantage[row] = Math.pow(DISCOUNT, row % batch.horizon()) * (returns[row] - baseline[row])
                    * batch.alive()[row] / scale;
        }
        Function<List<Tensor>, Tensor> naive = xs -> policy.logProb(params(xs), GaussianPolicy.constant(
                batch.observations(), batch.rows(), 2, DataType.DOUBLE), GaussianPolicy.constant(batch.actions(),
                batch.rows(), 2, DataType.DOUBLE)).mul(Tensor.constant(Nd4j.create(advantage))).sum();
        List<Tensor> a = variables(theta0);
        List<Tensor> b = variables(theta0);
        List<INDArray> naiveGrad = values(Autograd.grad(naive.apply(a), a, false));
        List<INDArray> diceGrad = values(Autograd.grad(DiceObjective.surrogate(policy, params(b), batch, baseline,
                DISCOUNT), b, false));
        for (int i = 0; i < naiveGrad.size(); i++) {
            assertThat(GradCheck.maxRelativeError(naiveGrad.get(i), diceGrad.get(i))).as("same gradient")
                    .isLessThan(1e-9);
        }
        assertThat(hessianAlongV(naive, theta0)).as("but not the same Hessian")
                .isNotEqualTo(hessianAlongV(xs -> DiceObjective.surrogate(policy, params(xs), batch, baseline,
                        DISCOUNT), theta0));
    }

    private static double hessianAlongV(Function<List<Tensor>, Tensor> f, List<INDArray> at) {
        List<Tensor> vars = variables(at);
        List<Tensor> g = Autograd.grad(f.apply(vars), vars, true);
        Tensor inner = null;
        for (int i = 0; i < g.size(); i++) {
            Tensor term = g.get(i).mul(Tensor.constant(direction(i))).sum();
            inner = inner == null ? term : inner.add(term);
        }
        double sum = 0;
        List<Tensor> h = Autograd.grad(inner, vars, false);
        for (int i = 0; i < h.size(); i++) {
            sum += h.get(i).value().mul(direction(i)).sumNumber().doubleValue();
        }
        return Math.round(sum * 1e6) / 1e6;
    }
}

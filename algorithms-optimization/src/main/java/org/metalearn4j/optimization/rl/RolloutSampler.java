package org.metalearn4j.optimization.rl;

import java.util.SplittableRandom;
import org.metalearn4j.core.env.Environment;
import org.metalearn4j.core.env.EnvironmentFamily;
import org.metalearn4j.core.env.Transition;
import org.metalearn4j.core.nn.Params;
import org.metalearn4j.core.tensor.Autograd;
import org.metalearn4j.core.tensor.Scope;
import org.metalearn4j.core.tensor.Tensor;
import org.metalearn4j.core.task.Seeds;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Samples trajectories of a {@link GaussianPolicy} in one task's environment: all trajectories advance together, so
 * each step is one batched forward pass. A pure function of the policy's weights, the task and the seed (Gaussian
 * noise from a {@link SplittableRandom}; environment {@code i} is reset with {@code Seeds.derive(seed, i)}).
 */
final class RolloutSampler {
    private RolloutSampler() {
    }

    /** {@code count} trajectories of the family's horizon with the policy's current {@code params} (not recorded). */
    static Trajectories sample(GaussianPolicy policy, Params params, EnvironmentFamily family, double[] task,
                               int count, long seed) {
        int horizon = family.horizon();
        int o = family.observationSize();
        int a = family.actionSize();
        int rows = count * horizon;
        double[] observations = new double[rows * o];
        double[] actions = new double[rows * a];
        double[] rewards = new double[rows];
        double[] alive = new double[rows];
        Environment[] envs = new Environment[count];
        double[][] current = new double[count][];
        boolean[] running = new boolean[count];
        for (int i = 0; i < count; i++) {
            envs[i] = family.environment(task);
            current[i] = envs[i].reset(Seeds.derive(seed, i));
            running[i] = true;
        }
        SplittableRandom noise = new SplittableRandom(Seeds.derive(seed, -1));
        DataType type = params.tensors().get(0).dataType();
        try (Scope noGrad = Autograd.noGrad()) {
            double[] std = exp(policy.logStd(params).value().castTo(DataType.DOUBLE).toDoubleVector());
            double[] batch = new double[count * o];
            for (int t = 0; t < horizon; t++) {
                for (int i = 0; i < count; i++) {
                    System.arraycopy(current[i], 0, batch, i * o, o);
                }
                double[] mean = policy.mean(params, GaussianPolicy.constant(batch, count, o, type)).value()
                        .castTo(DataType.DOUBLE).data().asDouble();
                for (int i = 0; i < count; i++) {
                    int row = i * horizon + t;
                    System.arraycopy(current[i], 0, observations, row * o, o);
                    double[] action = new double[a];
                    for (int j = 0; j < a; j++) {
                        action[j] = mean[i * a + j] + std[j] * gaussian(noise);
                    }
                    System.arraycopy(action, 0, actions, row * a, a);
                    if (!running[i]) {
                        continue;
                    }
                    Transition step = envs[i].step(action);
                    rewards[row] = step.reward();
                    alive[row] = 1;
                    current[i] = step.observation();
                    running[i] = !step.done();
                }
            }
        }
        return new Trajectories(count, horizon, observations, actions, rewards, alive);
    }

    private static double[] exp(double[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = Math.exp(v[i]);
        }
        return out;
    }

    /** Box-Muller, identical on every JVM. */
    private static double gaussian(SplittableRandom random) {
        return Math.sqrt(-2.0 * Math.log(1.0 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}

package org.metalearn4j.optimization.rl;

/**
 * A batch of {@code count} trajectories of {@code horizon} steps, stored step-major per trajectory (row
 * {@code i * horizon + t} is step {@code t} of trajectory {@code i}). A trajectory that ended early ({@code done})
 * keeps its rows with {@code alive = 0} and reward 0, so every batch is rectangular.
 *
 * @param count        trajectories
 * @param horizon      steps per trajectory
 * @param observations {@code [count * horizon, observationSize]}, row-major: the observation each action was
 *                     taken in
 * @param actions      {@code [count * horizon, actionSize]}, row-major: the sampled (unclipped) actions
 * @param rewards      {@code [count * horizon]}
 * @param alive        {@code [count * horizon]}: 1 for steps that happened, 0 after the episode ended
 */
public record Trajectories(int count, int horizon, double[] observations, double[] actions, double[] rewards,
                           double[] alive) {
    public Trajectories {
        int rows = count * horizon;
        if (rewards.length != rows || alive.length != rows || observations.length % rows != 0
                || actions.length % rows != 0) {
            throw new IllegalArgumentException("trajectories: arrays do not match " + count + " x " + horizon
                    + " steps");
        }
    }

    /** Rows of the batch. */
    public int rows() {
        return count * horizon;
    }

    /** Width of an observation. */
    public int observationSize() {
        return observations.length / rows();
    }

    /** Width of an action. */
    public int actionSize() {
        return actions.length / rows();
    }

    /** The mean over trajectories of the undiscounted return. */
    public double meanReturn() {
        double sum = 0;
        for (double r : rewards) {
            sum += r;
        }
        return sum / count;
    }

    /** {@code sum_{t' >= t} discount^(t' - t) r_t'} per row. */
    public double[] returnsToGo(double discount) {
        double[] g = new double[rows()];
        for (int i = 0; i < count; i++) {
            double running = 0;
            for (int t = horizon - 1; t >= 0; t--) {
                int row = i * horizon + t;
                running = rewards[row] + discount * running;
                g[row] = running;
            }
        }
        return g;
    }
}

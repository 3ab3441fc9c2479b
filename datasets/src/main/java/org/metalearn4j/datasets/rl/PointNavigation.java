package org.metalearn4j.datasets.rl;

import org.metalearn4j.core.env.Environment;
import org.metalearn4j.core.env.Transition;

/**
 * A point in the plane that moves by its (clipped) action each step, rewarded with minus its distance to a goal after
 * the move; the episode ends when both coordinates are within the tolerance of the goal (the 2-D navigation task of
 * Finn et al. 2017, as in rllab's PointEnv). The observation is the position; the goal is not observed.
 */
public final class PointNavigation implements Environment {
    private final double goalX;
    private final double goalY;
    private final double actionLimit;
    private final double tolerance;
    private double x;
    private double y;

    PointNavigation(double goalX, double goalY, double actionLimit, double tolerance) {
        this.goalX = goalX;
        this.goalY = goalY;
        this.actionLimit = actionLimit;
        this.tolerance = tolerance;
    }

    /** Back at the origin; deterministic, so the seed is unused. */
    @Override
    public double[] reset(long seed) {
        x = 0;
        y = 0;
        return new double[] {x, y};
    }

    @Override
    public Transition step(double[] action) {
        if (action.length != 2) {
            throw new IllegalArgumentException("nav2d: expected an action of 2 values, got " + action.length);
        }
        x += clip(action[0]);
        y += clip(action[1]);
        double dx = x - goalX;
        double dy = y - goalY;
        boolean done = Math.abs(dx) < tolerance && Math.abs(dy) < tolerance;
        return new Transition(new double[] {x, y}, -Math.sqrt(dx * dx + dy * dy), done);
    }

    /** NaN actions are refused rather than moving the point to NaN. */
    private double clip(double a) {
        if (Double.isNaN(a)) {
            throw new IllegalArgumentException("nav2d: action is NaN");
        }
        return Math.max(-actionLimit, Math.min(actionLimit, a));
    }
}

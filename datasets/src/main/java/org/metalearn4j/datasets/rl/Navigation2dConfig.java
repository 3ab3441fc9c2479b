package org.metalearn4j.datasets.rl;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import org.metalearn4j.core.config.Checks;

/** Configuration of {@code nav2d}; {@code metalearn config --defaults nav2d} prints it. */
public record Navigation2dConfig(
        @JsonPropertyDescription("goals are drawn uniformly from [goalLow, goalHigh]^2") double goalLow,
        @JsonPropertyDescription("upper end of the goal range") double goalHigh,
        @JsonPropertyDescription("each action coordinate is clipped to [-actionLimit, actionLimit]")
        double actionLimit,
        @JsonPropertyDescription("steps per episode") int horizon,
        @JsonPropertyDescription("an episode ends early when both coordinates are within this distance of the goal")
        double goalTolerance) {
    public Navigation2dConfig {
        if (!(goalLow < goalHigh)) {
            throw new IllegalArgumentException("goalLow: expected a value below goalHigh (" + goalHigh + "), got "
                    + goalLow);
        }
        Checks.positive("actionLimit", actionLimit);
        Checks.atLeast("horizon", horizon, 1);
        Checks.nonNegative("goalTolerance", goalTolerance);
    }
}

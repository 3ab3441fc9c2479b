package org.metalearn4j.metric;

import java.util.List;
import org.metalearn4j.core.nn.Params;
import org.metalearn4j.core.optim.Adam;
import org.metalearn4j.core.optim.AdamConfig;
import org.metalearn4j.core.state.StateDict;

/**
 * Adam whose learning rate follows an {@link LrSchedule}. Core's {@link Adam} fixes its rate at construction, so a
 * rate change rebuilds it and carries the moments and step count over through its exact state round trip.
 */
final class ScheduledAdam {
    private final OptimizerConfig config;
    private double rate;
    private Adam adam;

    ScheduledAdam(OptimizerConfig config) {
        this.config = config;
        this.rate = config.learningRate() * config.schedule().factor(0);
        this.adam = new Adam(adamConfig(rate));
    }

    /** The learning rate used at training step {@code step}. */
    double rateAt(long step) {
        return config.learningRate() * config.schedule().factor(step);
    }

    /** One Adam update at the scheduled rate for {@code step}. */
    void step(Params params, Params grads, long step) {
        double wanted = rateAt(step);
        if (wanted != rate) {
            StateDict moments = adam.state();
            adam = new Adam(adamConfig(wanted));
            adam.loadState(moments);
            rate = wanted;
        }
        adam.step(params, grads);
    }

    StateDict state() {
        return adam.state();
    }

    void loadState(StateDict state) {
        adam.loadState(state);
    }

    private AdamConfig adamConfig(double learningRate) {
        return new AdamConfig(learningRate, 0.9, 0.999, 1e-8, config.weightDecay(), List.of());
    }
}

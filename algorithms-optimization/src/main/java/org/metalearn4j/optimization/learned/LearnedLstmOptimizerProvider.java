package org.metalearn4j.optimization.learned;

import org.metalearn4j.core.optim.Optimizer;
import org.metalearn4j.core.optim.OptimizerProvider;
import org.metalearn4j.core.optim.OptimizerSetup;

/**
 * {@code learned-lstm}: a learned optimizer trained by {@code learned-optimizer}, for any training loop that names
 * its optimizer ({@code optimizer: {type: learned-lstm, path: runs/l2l}}).
 */
public final class LearnedLstmOptimizerProvider implements OptimizerProvider<LearnedLstmSettings> {
    @Override
    public String name() {
        return "learned-lstm";
    }

    @Override
    public String description() {
        return "a coordinatewise LSTM optimizer trained with learner learned-optimizer (path: its run directory)";
    }

    @Override
    public Class<LearnedLstmSettings> configType() {
        return LearnedLstmSettings.class;
    }

    /** No usable default: the path must be given. */
    @Override
    public LearnedLstmSettings defaults() {
        return new LearnedLstmSettings("runs/learned-optimizer");
    }

    @Override
    public Optimizer create(LearnedLstmSettings config, OptimizerSetup setup) {
        LearnedOptimizerFile file = LearnedOptimizerFile.read(config.path());
        return new LearnedLstmOptimizer(file.config().network(), file.weights(), file.config().parameterGroups(),
                setup, "learned optimizer " + file.origin());
    }
}

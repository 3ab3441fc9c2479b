package org.metalearn4j.model.generative.metagan;

import org.metalearn4j.core.learner.LearnerState;
import org.metalearn4j.core.learner.TrainingState;
import org.metalearn4j.core.nn.Params;
import org.metalearn4j.core.nn.RunningStats;
import org.metalearn4j.core.optim.GradClip;
import org.metalearn4j.core.optim.OptimizerConfig;
import org.metalearn4j.core.state.StateDict;

/**
 * What a MetaGAN learner trains and saves: the classifier's {@link TrainingState} (its entries at the top level, so
 * {@code params.backbone.*} is where every learner keeps a backbone) and the generator's, under {@code generator.}.
 * One step applies both players' gradients, each with its own Adam and schedule.
 */
final class AdversarialState implements LearnerState {
    private static final String GENERATOR = "generator.";

    private final TrainingState classifier;
    private final TrainingState generator;
    private final OptimizerConfig classifierOptimizer;
    private final OptimizerConfig generatorOptimizer;
    private final double gradClip;

    /**
     * @param stats  the classifier's batch-norm running statistics, or null when it keeps none
     * @param config the optimizers of both players and the classifier's gradient clipping
     */
    AdversarialState(Params classifierParams, RunningStats stats, Params generatorParams, MetaGanConfig config) {
        this.classifierOptimizer = config.classifierOptimizer();
        this.generatorOptimizer = config.generator().optimizer();
        this.classifier = new TrainingState(classifierParams, classifierOptimizer.create(), stats);
        this.generator = new TrainingState(generatorParams, generatorOptimizer.create(), null);
        this.gradClip = config.gradClip();
    }

    TrainingState classifier() {
        return classifier;
    }

    TrainingState generator() {
        return generator;
    }

    /** Completed steps. */
    long steps() {
        return classifier.steps();
    }

    /**
     * One update of both players from this step's gradients (the classifier's clipped if configured), each learning
     * rate scaled by its schedule at the current step.
     *
     * @return the global norm of the classifier's gradient before clipping
     */
    double step(Params classifierGrads, Params generatorGrads) {
        double norm = GradClip.globalNorm(classifierGrads);
        Params clipped = gradClip > 0 ? GradClip.clipByGlobalNorm(classifierGrads, gradClip) : classifierGrads;
        classifier.optimizer().setLearningRateFactor(classifierOptimizer.schedule().factor(classifier.steps()));
        generator.optimizer().setLearningRateFactor(generatorOptimizer.schedule().factor(generator.steps()));
        classifier.step(clipped);
        generator.step(generatorGrads);
        return norm;
    }

    @Override
    public StateDict save() {
        StateDict state = classifier.save();
        state.putAll(GENERATOR, generator.save());
        return state;
    }

    @Override
    public void load(StateDict state) {
        classifier.load(state);
        generator.load(state.withPrefix(GENERATOR));
    }

    @Override
    public StateDict backbone() {
        return classifier.backbone();
    }
}

package org.metalearn4j.model.generative.metagan;

import org.metalearn4j.core.learner.Learner;
import org.metalearn4j.core.task.Task;

/** A MetaGAN learner, whose classifier is also a real-versus-fake discriminator. */
public interface AdversarialLearner extends Learner {

    /**
     * The discriminator on an episode it never trained on, without changing the learner: adapted to the support set
     * as at evaluation, it scores the real queries and as many examples the generator makes from the support set.
     *
     * @param seed the generator's noise
     */
    RealFakeScores discriminate(Task task, long seed);
}

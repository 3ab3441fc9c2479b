package org.metalearn4j.examples.generative;

import org.metalearn4j.core.learner.Adapter;
import org.metalearn4j.core.learner.Predictor;
import org.metalearn4j.core.nn.Accuracy;
import org.metalearn4j.core.task.Seeds;
import org.metalearn4j.core.task.Task;
import org.metalearn4j.core.task.TaskSource;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The accuracy on each of a fixed, seeded set of episodes (episode {@code i} is
 * {@code source.sample(Seeds.derive(seed, i))}, the episodes core's {@code Evaluator} scores), kept per episode so
 * that two learners scored on the same episodes can be compared pair by pair.
 */
public final class EpisodeAccuracies {
    private EpisodeAccuracies() {
    }

    /** Query accuracy of {@code adapter} on episodes {@code 0..count-1}. */
    public static double[] of(Adapter adapter, TaskSource source, int count, long seed) {
        double[] accuracies = new double[count];
        for (int i = 0; i < count; i++) {
            Task task = source.sample(Seeds.derive(seed, i));
            Predictor predictor = adapter.adapt(task.support(), task.type(), task.ways());
            accuracies[i] = Accuracy.of(predictor.predict(task.query().x()),
                    task.query().y().castTo(DataType.INT).toIntVector());
        }
        return accuracies;
    }
}

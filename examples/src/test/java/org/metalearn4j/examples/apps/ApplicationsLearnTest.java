package org.metalearn4j.examples.apps;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.metalearn4j.core.dataset.Dataset;
import org.metalearn4j.core.learner.Learner;
import org.metalearn4j.core.task.EpisodeSpec;
import org.metalearn4j.core.task.TaskSource;
import org.metalearn4j.core.train.Evaluator;
import org.metalearn4j.core.train.LoopPlan;
import org.metalearn4j.core.train.LoopStart;
import org.metalearn4j.core.train.MetaTrainingLoop;
import org.metalearn4j.examples.Components;

/**
 * One short training per application on its real data, scored on held-out tasks before and after: each fails if
 * learning broke (the 2-D navigation learner's tests are in algorithms-optimization).
 */
class ApplicationsLearnTest {
    private static final long EVAL_SEED = 20261206;

    @TempDir
    static Path cache;

    private static double[] beforeAndAfter(Dataset data, String learner, String params, EpisodeSpec train,
                                           EpisodeSpec test, int iterations, int metaBatch, int episodes) {
        TaskSource training = data.episodes("meta-train", train);
        TaskSource testing = data.episodes("meta-test", test);
        Learner l = Components.learner(learner, params, Components.context(data, training, train.way(), 3));
        double before = Evaluator.evaluate(l, testing, episodes, EVAL_SEED).value();
        new MetaTrainingLoop(l, training, LoopPlan.of(iterations, metaBatch, 3), "metric").run(LoopStart.fresh(),
                () -> false);
        double after = Evaluator.evaluate(l, testing, episodes, EVAL_SEED).value();
        return new double[] {before, after};
    }

    @Test
    void protonetLearnsATextEncoderOnUnseenWordNetCategories() {
        double[] acc = beforeAndAfter(Components.dataset("wordnet-glosses", ""), "protonet",
                "{\"backbone\":{\"type\":\"mlp\",\"hidden\":[512]},\"distance\":\"cosine\"}",
                new EpisodeSpec(20, 1, 5), new EpisodeSpec(5, 1, 15), 150, 1, 100);
        assertThat(acc[1]).as("5-way 1-shot accuracy before %.3f, after", acc[0]).isGreaterThan(acc[0] + 0.05);
    }

    @Test
    void mamlLearnsToAdaptToAHeldOutClinicalSite() {
        double[] acc = beforeAndAfter(Components.dataset("breast-cancer-sites", ""), "maml",
                "{\"innerSteps\":5,\"innerLr\":0.1,\"evalInnerSteps\":10,\"backbone\":{\"type\":\"mlp\","
                        + "\"hidden\":[32,32]}}", new EpisodeSpec(2, 5, 5), new EpisodeSpec(2, 5, 5), 100, 8, 100);
        assertThat(acc[1]).as("held-out site accuracy before %.3f, after", acc[0]).isGreaterThan(acc[0] + 0.03)
                .isGreaterThan(0.9);
    }

    @Test
    void mamlLearnsToPredictTheRatingsOfNewUsers() {
        Dataset movies = Components.dataset("movielens", "{\"cacheDir\":\"" + cache + "\"}");
        double[] mse = beforeAndAfter(movies, "maml", "{\"innerSteps\":3,\"innerLr\":0.05,\"evalInnerSteps\":3,"
                + "\"backbone\":{\"type\":\"mlp\",\"hidden\":[64,64]}}", new EpisodeSpec(1, 10, 10),
                new EpisodeSpec(1, 10, 10), 60, 16, 200);
        assertThat(mse[1]).as("meta-test MSE before %.3f, after", mse[0]).isLessThan(mse[0] - 0.05);
    }
}

package org.metalearn4j.examples.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.metalearn4j.core.dataset.Dataset;
import org.metalearn4j.core.learner.Learner;
import org.metalearn4j.core.task.EpisodeSpec;
import org.metalearn4j.core.task.Task;
import org.metalearn4j.core.task.TaskSource;
import org.metalearn4j.core.train.EvalResult;
import org.metalearn4j.core.train.Evaluator;
import org.metalearn4j.examples.Components;

/**
 * Every neural process trains on every 1-D regression family the data sets ship (sinusoid, harmonic, gp-curves) and
 * is scored with both the MSE and the Gaussian log-likelihood of the query targets, each with its 95% interval.
 */
class NeuralProcessFamiliesTest {
    private static final String SMALL = "{\"hidden\":8,\"heads\":2,\"latentSize\":4,\"encoderLayers\":1,"
            + "\"decoderLayers\":1}";

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (String learner : List.of("cnp", "np", "anp")) {
            for (String family : List.of("sinusoid", "harmonic", "gp-curves")) {
                cases.add(Arguments.of(learner, family));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("cases")
    void trainsAndIsScoredWithMseAndLogLikelihood(String learnerName, String family) {
        Dataset data = Components.dataset(family, "");
        TaskSource training = data.episodes("meta-train", new EpisodeSpec(1, 6, 6));
        Learner learner = Components.learner(learnerName, SMALL, Components.context(data, training, 1, 3));
        for (int i = 0; i < 3; i++) {
            List<Task> batch = List.of(training.sample(2 * i), training.sample(2 * i + 1));
            assertThat(learner.step(batch).loss()).as("%s on %s, step %d", learnerName, family, i).isFinite();
        }

        EvalResult r = Evaluator.evaluate(learner.adapter(), data.episodes("meta-test", new EpisodeSpec(1, 6, 10)),
                8, 11);
        assertThat(r.metric()).isEqualTo("mse");
        assertThat(r.value()).isPositive().isFinite();
        assertThat(r.ci95()).isPositive().isFinite();
        EvalResult.Estimate ll = r.secondary().get(Evaluator.LOG_LIKELIHOOD);
        assertThat(ll).as("%s on %s has a log-likelihood", learnerName, family).isNotNull();
        assertThat(ll.value()).isFinite();
        assertThat(ll.ci95()).isPositive().isFinite();
    }
}

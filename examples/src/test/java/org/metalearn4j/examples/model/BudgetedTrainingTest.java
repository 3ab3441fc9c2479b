package org.metalearn4j.examples.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.metalearn4j.core.dataset.Dataset;
import org.metalearn4j.core.learner.Learner;
import org.metalearn4j.core.task.EpisodeSpec;
import org.metalearn4j.core.task.TaskSource;
import org.metalearn4j.datasets.generated.GpCurvesProvider;
import org.metalearn4j.examples.Components;

/** A budgeted run continued from its directory counts the time already trained, also once all of it is spent. */
class BudgetedTrainingTest {
    private static final String SMALL = "{\"hidden\":8,\"encoderLayers\":1,\"decoderLayers\":1}";

    @Test
    void aRunWhoseBudgetIsSpentContinuesWithoutTraining(@TempDir Path dir) {
        Dataset gp = new GpCurvesProvider().open(GpCurvesProvider.npProtocol());
        TaskSource train = gp.episodes("meta-train", new EpisodeSpec(1, 47, 3));
        BudgetedTraining.Outcome first = BudgetedTraining.train("cnp", learner(gp, train), train, 2, 0.2, 1_000_000,
                1, dir);
        assertThat(first.iterations()).isPositive();
        assertThat(first.trainSeconds()).isGreaterThanOrEqualTo(0.2);

        // the iteration limit only bounds the test should the budget be ignored (a budget of 0 means none)
        BudgetedTraining.Outcome again = BudgetedTraining.train("cnp", learner(gp, train), train, 2, 0.2,
                first.iterations() + 20, 1, dir);
        assertThat(again.iterations()).isEqualTo(first.iterations());
        assertThat(again.trainSeconds()).isEqualTo(first.trainSeconds());
    }

    private static Learner learner(Dataset gp, TaskSource train) {
        return Components.learner("cnp", SMALL, Components.context(gp, train, 1, 1));
    }
}

package org.metalearn4j.core.train;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.metalearn4j.core.dataset.Dataset;
import org.metalearn4j.core.spi.ConfigException;
import org.metalearn4j.core.task.TaskType;
import org.metalearn4j.core.train.testing.BlobsDatasetProvider;
import org.metalearn4j.core.train.testing.CentroidLearnerProvider;

/** A learner asked to learn a task type it does not handle is refused before anything is built. */
class TaskTypeCheckTest {
    private static final Dataset BLOBS = new BlobsDatasetProvider().open(new BlobsDatasetProvider().defaults());

    @Test
    void aRegressionOnlyLearnerOnClassificationDataFailsNamingLearnerDataSetAndTypes() {
        CentroidLearnerProvider regressionOnly = new CentroidLearnerProvider() {
            @Override
            public Set<TaskType> taskTypes() {
                return EnumSet.of(TaskType.REGRESSION);
            }
        };
        assertThatThrownBy(() -> RunComponents.requireTaskType(regressionOnly, BLOBS, "learner.name", "run.yaml"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("learner.name: learner 'test-centroid' learns regression tasks only, but data set"
                        + " 'test-blobs' has classification tasks (in run.yaml)");
        assertThatCode(() -> RunComponents.requireTaskType(new CentroidLearnerProvider(), BLOBS, "learner.name", null))
                .doesNotThrowAnyException();
    }
}

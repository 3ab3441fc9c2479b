package org.metalearn4j.core.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.metalearn4j.core.spi.ConfigException;
import org.metalearn4j.core.task.Examples;
import org.metalearn4j.core.task.Task;
import org.metalearn4j.core.task.TaskType;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/** Issue 25, item 4: a step or an episode that cannot fit in memory is refused before training, with the numbers. */
class MemoryEstimateTest {
    private static Task images(int way, int perClass) {
        int n = way * perClass;
        return new Task(new Examples(Nd4j.zeros(DataType.FLOAT, n, 1, 28, 28), Nd4j.zeros(DataType.LONG, n)),
                new Examples(Nd4j.zeros(DataType.FLOAT, n, 1, 28, 28), Nd4j.zeros(DataType.LONG, n)),
                TaskType.CLASSIFICATION, way, perClass, "test");
    }

    @Test
    void heldTasksAndTaskResultsAreCountedExactlyAndImageActivationsEstimated() {
        Task task = images(5, 1);
        MemoryEstimate one = MemoryEstimate.of(task, 1, Map.of("w", Nd4j.zeros(DataType.FLOAT, 1000)), true);
        long taskBytes = 10 * 784 * 4 + 10 * 8;
        assertThat(one.heldBytes()).isEqualTo(taskBytes + 4000);
        assertThat(one.activationBytes()).isEqualTo(10 * 784 * MemoryEstimate.IMAGE_BYTES_PER_VALUE);
        MemoryEstimate many = MemoryEstimate.of(task, 20000, Map.of("w", Nd4j.zeros(DataType.FLOAT, 1000)), true);
        assertThat(many.heldBytes()).isEqualTo(20000 * (taskBytes + 4000));
        assertThat(MemoryEstimate.of(task, 3, Map.of("w", Nd4j.zeros(DataType.FLOAT, 1000)), false).heldBytes())
                .isEqualTo(3 * taskBytes);
    }

    @Test
    void aStepAboveTheLimitIsRefusedNamingTheSectionTheNumbersAndTheWayOut() {
        MemoryEstimate huge = MemoryEstimate.of(images(500, 5), 1, Map.of(), false);
        assertThatThrownBy(() -> huge.require("train", "run.yaml", 4_000_000_000L, true))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("train: needs about 7.5 GB of native memory (500-way episodes of 5000"
                        + " examples [1, 28, 28]: ")
                .hasMessageContaining("more than the 4.0 GB this process may use")
                .hasMessageContaining("-Dmetalearn4j.memoryCheck=warn")
                .hasMessageEndingWith("(in run.yaml)");
        assertThatCode(() -> huge.require("train", "run.yaml", 4_000_000_000L, false)).doesNotThrowAnyException();
        assertThatCode(() -> MemoryEstimate.of(images(5, 2), 4, Map.of(), false)
                .require("train", null, 4_000_000_000L, true)).doesNotThrowAnyException();
    }
}

package org.metalearn4j.datasets.episode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.metalearn4j.core.dataset.DatasetException;
import org.metalearn4j.core.task.Examples;
import org.metalearn4j.core.task.Task;
import org.metalearn4j.core.task.TaskSource;
import org.metalearn4j.core.task.TaskType;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class RandomShiftTest {
    private static final int SIZE = 9;
    private static final int CENTRE = 4;

    /**
     * Images of two channels: channel 0 is black but for one pixel at the centre holding the example's number, channel
     * 1 is all ones, so the offset can be read from channel 0 and the zero fill checked on channel 1.
     */
    private static INDArray images(int n, DataType type) {
        INDArray x = Nd4j.zeros(type, n, 2, SIZE, SIZE);
        for (int i = 0; i < n; i++) {
            x.putScalar(new long[] {i, 0, CENTRE, CENTRE}, i + 1);
            for (int r = 0; r < SIZE; r++) {
                for (int c = 0; c < SIZE; c++) {
                    x.putScalar(new long[] {i, 1, r, c}, 1);
                }
            }
        }
        return x;
    }

    private static TaskSource source(int n, DataType type) {
        return seed -> new Task(new Examples(images(n, type), Nd4j.zeros(DataType.LONG, n)),
                new Examples(images(n, type), Nd4j.zeros(DataType.LONG, n)), TaskType.CLASSIFICATION, 1, n,
                "test/meta-train");
    }

    /** Checks every example is its source translated by one offset within the bound; returns the offsets seen. */
    private static Set<String> checkTranslated(INDArray shifted, int maxShift) {
        Set<String> offsets = new HashSet<>();
        for (int i = 0; i < shifted.size(0); i++) {
            int dy = Integer.MIN_VALUE;
            int dx = Integer.MIN_VALUE;
            for (int r = 0; r < SIZE; r++) {
                for (int c = 0; c < SIZE; c++) {
                    double v = shifted.getDouble(i, 0, r, c);
                    if (v != 0) {
                        assertThat(v).isEqualTo(i + 1);
                        assertThat(dy).as("one lit pixel in example %d", i).isEqualTo(Integer.MIN_VALUE);
                        dy = r - CENTRE;
                        dx = c - CENTRE;
                    }
                }
            }
            assertThat(Math.abs(dy)).isLessThanOrEqualTo(maxShift);
            assertThat(Math.abs(dx)).isLessThanOrEqualTo(maxShift);
            for (int r = 0; r < SIZE; r++) {
                for (int c = 0; c < SIZE; c++) {
                    boolean covered = r - dy >= 0 && r - dy < SIZE && c - dx >= 0 && c - dx < SIZE;
                    assertThat(shifted.getDouble(i, 1, r, c)).as("example %d pixel %d,%d", i, r, c)
                            .isEqualTo(covered ? 1.0 : 0.0);
                }
            }
            offsets.add(dy + "," + dx);
        }
        return offsets;
    }

    @Test
    void everyImageMovesByItsOwnOffsetWithinTheBoundAndZeroFill() {
        Task task = new RandomShift(source(200, DataType.FLOAT), 2).sample(7);
        Set<String> offsets = checkTranslated(task.support().x(), 2);
        offsets.addAll(checkTranslated(task.query().x(), 2));
        // 400 draws over 25 offsets: each one turns up (a fixed seed, so this is not flaky).
        assertThat(offsets).hasSize(25);
        assertThat(task.support().x().dataType()).isEqualTo(DataType.FLOAT);
    }

    @Test
    void keepsLabelsEpisodeLayoutAndDoubleImages() {
        TaskSource plain = source(30, DataType.DOUBLE);
        Task before = plain.sample(3);
        Task after = new RandomShift(plain, 3).sample(3);
        checkTranslated(after.support().x(), 3);
        assertThat(after.support().x().dataType()).isEqualTo(DataType.DOUBLE);
        assertThat(after.support().y()).isEqualTo(before.support().y());
        assertThat(after.query().y()).isEqualTo(before.query().y());
        assertThat(after.ways()).isEqualTo(before.ways());
        assertThat(after.shots()).isEqualTo(before.shots());
        assertThat(after.domain()).isEqualTo("test/meta-train");
    }

    @Test
    void isAPureFunctionOfTheSeedAndLeavesTheSourceUntouched() {
        INDArray original = images(20, DataType.FLOAT);
        INDArray shared = original.dup();
        TaskSource source = seed -> new Task(new Examples(shared, Nd4j.zeros(DataType.LONG, 20)),
                new Examples(shared, Nd4j.zeros(DataType.LONG, 20)), TaskType.CLASSIFICATION, 1, 20, "d");
        RandomShift shift = new RandomShift(source, 2);
        assertThat(shift.sample(11).support().x()).isEqualTo(shift.sample(11).support().x());
        assertThat(shift.sample(11).support().x()).isNotEqualTo(shift.sample(12).support().x());
        assertThat(shift.sample(11).support().x()).isNotEqualTo(shift.sample(11).query().x());
        assertThat(shared).isEqualTo(original);
    }

    @Test
    void zeroShiftPassesEpisodesThrough() {
        TaskSource plain = source(4, DataType.FLOAT);
        Task task = plain.sample(1);
        assertThat(new RandomShift(seed -> task, 0).sample(1)).isSameAs(task);
    }

    @Test
    void badSettingsAndNonImagesAreRejectedNamingTheValue() {
        assertThatThrownBy(() -> new RandomShift(source(1, DataType.FLOAT), -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxShift must be >= 0")
                .hasMessageContaining("-1");
        assertThatThrownBy(() -> new RandomShift(source(1, DataType.FLOAT), SIZE).sample(1))
                .isInstanceOf(DatasetException.class).hasMessageContaining("test/meta-train")
                .hasMessageContaining("maxShift 9").hasMessageContaining("9x9");
        TaskSource vectors = seed -> new Task(new Examples(Nd4j.zeros(DataType.FLOAT, 3, 5), Nd4j.zeros(3)),
                new Examples(Nd4j.zeros(DataType.FLOAT, 3, 5), Nd4j.zeros(3)), TaskType.CLASSIFICATION, 1, 3,
                "sinusoid/train");
        assertThatThrownBy(() -> new RandomShift(vectors, 1).sample(1)).isInstanceOf(DatasetException.class)
                .hasMessageContaining("sinusoid/train").hasMessageContaining("[n, channels, height, width]")
                .hasMessageContaining("[3, 5]");
    }
}

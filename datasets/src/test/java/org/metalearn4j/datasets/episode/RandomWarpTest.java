package org.metalearn4j.datasets.episode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

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

class RandomWarpTest {
    private static final int SIZE = 9;
    private static final int CENTRE = 4;

    /**
     * Images of two channels: channel 0 is the ramp {@code value = row}, channel 1 all ones. Bilinear sampling is exact
     * on a linear function, so the warp's angle and scale can be read back from channel 0's slope at the centre.
     */
    private static INDArray images(int n) {
        INDArray x = Nd4j.zeros(DataType.DOUBLE, n, 2, SIZE, SIZE);
        for (int i = 0; i < n; i++) {
            for (int r = 0; r < SIZE; r++) {
                for (int c = 0; c < SIZE; c++) {
                    x.putScalar(new long[] {i, 0, r, c}, r);
                    x.putScalar(new long[] {i, 1, r, c}, 1);
                }
            }
        }
        return x;
    }

    private static TaskSource source(int n) {
        return seed -> new Task(new Examples(images(n), Nd4j.zeros(DataType.LONG, n)),
                new Examples(images(n), Nd4j.zeros(DataType.LONG, n)), TaskType.CLASSIFICATION, 1, n,
                "test/meta-train");
    }

    /** {angle in degrees, scale} of example {@code i}, from the ramp's slope at the centre. */
    private static double[] warpOf(INDArray x, int i) {
        double centre = x.getDouble(i, 0, CENTRE, CENTRE);
        double down = x.getDouble(i, 0, CENTRE + 1, CENTRE) - centre;
        double right = x.getDouble(i, 0, CENTRE, CENTRE + 1) - centre;
        assertThat(centre).as("the centre stays put").isCloseTo(CENTRE, within(1e-9));
        return new double[] {Math.toDegrees(Math.atan2(-right, down)), 1 / Math.hypot(down, right)};
    }

    @Test
    void everyImageTurnsAndScalesByItsOwnDrawWithinTheBounds() {
        Task task = new RandomWarp(source(100), 15, 0.2).sample(11);
        Set<Long> angles = new HashSet<>();
        double smallest = 2;
        double largest = 0;
        for (INDArray x : new INDArray[] {task.support().x(), task.query().x()}) {
            for (int i = 0; i < x.size(0); i++) {
                double[] warp = warpOf(x, i);
                assertThat(warp[0]).isBetween(-15.0, 15.0);
                assertThat(warp[1]).isBetween(0.8, 1.2);
                angles.add(Math.round(warp[0] * 1000));
                smallest = Math.min(smallest, warp[1]);
                largest = Math.max(largest, warp[1]);
                assertThat(x.getDouble(i, 1, CENTRE, CENTRE)).as("the ones channel moves with it").isEqualTo(1.0);
            }
        }
        assertThat(angles).as("a fresh angle per image").hasSizeGreaterThan(190);
        assertThat(smallest).isLessThan(0.85);
        assertThat(largest).isGreaterThan(1.15);
        assertThat(task.support().y()).isEqualTo(Nd4j.zeros(DataType.LONG, 100));
    }

    @Test
    void rotationAloneKeepsTheScaleAndCornersFillWithZeros() {
        Task task = new RandomWarp(source(50), 30, 0).sample(3);
        INDArray x = task.support().x();
        for (int i = 0; i < 50; i++) {
            double[] warp = warpOf(x, i);
            assertThat(warp[1]).isCloseTo(1.0, within(1e-9));
            if (Math.abs(warp[0]) > 5) {
                // a corner of a turned square comes from outside the original image
                assertThat(x.getDouble(i, 1, 0, 0)).as("example %d corner", i).isLessThan(1.0);
            }
        }
    }

    @Test
    void theSameSeedGivesTheSameEpisodeAndZeroBoundsPassItThrough() {
        RandomWarp warp = new RandomWarp(source(20), 10, 0.1);
        assertThat(warp.sample(5).query().x()).isEqualTo(warp.sample(5).query().x());
        assertThat(warp.sample(5).query().x()).isNotEqualTo(warp.sample(6).query().x());
        Task task = source(1).sample(1);
        assertThat(new RandomWarp(seed -> task, 0, 0).sample(1)).isSameAs(task);
    }

    @Test
    void badBoundsAndNonImagesAreRejectedNamingTheValue() {
        assertThatThrownBy(() -> new RandomWarp(source(1), -1, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxDegrees").hasMessageContaining("-1");
        assertThatThrownBy(() -> new RandomWarp(source(1), 0, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxScale").hasMessageContaining("[0, 1)");
        TaskSource vectors = seed -> new Task(new Examples(Nd4j.zeros(3, 4), Nd4j.zeros(DataType.LONG, 3)),
                new Examples(Nd4j.zeros(3, 4), Nd4j.zeros(DataType.LONG, 3)), TaskType.CLASSIFICATION, 1, 3, "v/x");
        assertThatThrownBy(() -> new RandomWarp(vectors, 5, 0).sample(1)).isInstanceOf(DatasetException.class)
                .hasMessageContaining("v/x").hasMessageContaining("[3, 4]");
    }
}

package org.metalearn4j.datasets.episode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.metalearn4j.core.task.Examples;
import org.metalearn4j.core.task.Task;
import org.metalearn4j.core.task.TaskSource;
import org.metalearn4j.core.task.TaskType;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class RandomElasticTest {
    private static final int SIZE = 28;
    /** Pixels at least this far from the border read inside the image for displacements below it. */
    private static final int MARGIN = 4;

    /**
     * Two channels, the ramps {@code value = column} and {@code value = row}: bilinear sampling is exact on a linear
     * function, so each output pixel's value minus its position is the displacement it read from.
     */
    private static INDArray ramps(int n) {
        INDArray x = Nd4j.zeros(DataType.DOUBLE, n, 2, SIZE, SIZE);
        for (int i = 0; i < n; i++) {
            for (int r = 0; r < SIZE; r++) {
                for (int c = 0; c < SIZE; c++) {
                    x.putScalar(new long[] {i, 0, r, c}, c);
                    x.putScalar(new long[] {i, 1, r, c}, r);
                }
            }
        }
        return x;
    }

    private static TaskSource source(int n) {
        return seed -> new Task(new Examples(ramps(n), Nd4j.zeros(DataType.LONG, n)),
                new Examples(ramps(n), Nd4j.zeros(DataType.LONG, n)), TaskType.CLASSIFICATION, 1, n,
                "test/meta-train");
    }

    /** The horizontal displacements of example {@code i} away from the border. */
    private static double[][] dx(INDArray x, int i) {
        double[][] d = new double[SIZE - 2 * MARGIN][SIZE - 2 * MARGIN];
        for (int r = MARGIN; r < SIZE - MARGIN; r++) {
            for (int c = MARGIN; c < SIZE - MARGIN; c++) {
                d[r - MARGIN][c - MARGIN] = x.getDouble(i, 0, r, c) - c;
            }
        }
        return d;
    }

    @Test
    void eachImageIsDisplacedByItsOwnSmoothFieldOfTheExpectedSize() {
        // alpha 10, sigma 4: a smoothed uniform field of standard deviation 10 / sqrt(3) / (2 sqrt(pi) 4) = 0.41 px
        INDArray x = new RandomElastic(source(8), 10, 4).sample(3).support().x();
        double sum = 0;
        double sumSq = 0;
        double steps = 0;
        int n = 0;
        for (int i = 0; i < 8; i++) {
            double[][] d = dx(x, i);
            for (int r = 0; r < d.length; r++) {
                for (int c = 0; c < d.length; c++) {
                    sum += d[r][c];
                    sumSq += d[r][c] * d[r][c];
                    n++;
                    if (c > 0) {
                        steps += Math.abs(d[r][c] - d[r][c - 1]);
                    }
                }
            }
        }
        double rms = Math.sqrt(sumSq / n);
        assertThat(RandomElastic.typicalDisplacement(10, 4)).isCloseTo(0.407, within(1e-3));
        assertThat(rms).isBetween(0.25, 0.7);
        assertThat(Math.abs(sum / n)).isLessThan(rms);
        assertThat(steps / n).as("neighbouring pixels move almost alike").isLessThan(0.25 * rms);
        assertThat(dx(x, 0)[5][5]).as("a fresh field per image").isNotEqualTo(dx(x, 1)[5][5]);
    }

    @Test
    void theSameSeedGivesTheSameEpisodeAndZeroAlphaPassesItThrough() {
        RandomElastic elastic = new RandomElastic(source(3), 20, 3);
        assertThat(elastic.sample(5).query().x()).isEqualTo(elastic.sample(5).query().x());
        assertThat(elastic.sample(5).query().x()).isNotEqualTo(elastic.sample(6).query().x());
        Task task = source(1).sample(1);
        assertThat(new RandomElastic(seed -> task, 0, 4).sample(1)).isSameAs(task);
    }

    @Test
    void badSettingsAreRejectedNamingTheValue() {
        assertThatThrownBy(() -> new RandomElastic(source(1), -1, 4)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("alpha").hasMessageContaining("-1");
        assertThatThrownBy(() -> new RandomElastic(source(1), 5, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sigma").hasMessageContaining("> 0");
    }
}

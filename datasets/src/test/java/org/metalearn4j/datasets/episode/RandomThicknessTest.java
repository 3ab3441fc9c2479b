package org.metalearn4j.datasets.episode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.metalearn4j.core.task.Examples;
import org.metalearn4j.core.task.Task;
import org.metalearn4j.core.task.TaskSource;
import org.metalearn4j.core.task.TaskType;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class RandomThicknessTest {
    private static final int SIZE = 7;
    private static final int STROKE = 3;

    /** Two channels, each a one-pixel vertical stroke of ink 1 in column {@value #STROKE}. */
    private static INDArray images(int n) {
        INDArray x = Nd4j.zeros(DataType.DOUBLE, n, 2, SIZE, SIZE);
        for (int i = 0; i < n; i++) {
            for (int r = 0; r < SIZE; r++) {
                x.putScalar(new long[] {i, 0, r, STROKE}, 1);
                x.putScalar(new long[] {i, 1, r, STROKE}, 1);
            }
        }
        return x;
    }

    private static TaskSource source(int n) {
        return seed -> new Task(new Examples(images(n), Nd4j.zeros(DataType.LONG, n)),
                new Examples(images(n), Nd4j.zeros(DataType.LONG, n)), TaskType.CLASSIFICATION, 1, n,
                "test/meta-train");
    }

    /**
     * The amount example {@code i} was changed by: a thicker stroke leaks {@code a} into its neighbours, a thinner one
     * keeps {@code 1 + a} of its ink.
     */
    private static double amountOf(INDArray x, int i) {
        double neighbour = x.getDouble(i, 0, 3, STROKE + 1);
        return neighbour > 0 ? neighbour : x.getDouble(i, 0, 3, STROKE) - 1;
    }

    @Test
    void everyImageGetsItsOwnThickerOrThinnerStrokesWithinTheBound() {
        Task task = new RandomThickness(source(100), 0.6).sample(4);
        Set<Long> amounts = new HashSet<>();
        int thicker = 0;
        int thinner = 0;
        for (INDArray x : new INDArray[] {task.support().x(), task.query().x()}) {
            for (int i = 0; i < x.size(0); i++) {
                double a = amountOf(x, i);
                assertThat(a).isBetween(-0.6, 0.6);
                amounts.add(Math.round(a * 1e6));
                if (a > 0) {
                    thicker++;
                    assertThat(x.getDouble(i, 0, 3, STROKE)).as("the stroke itself stays ink").isEqualTo(1.0);
                    assertThat(x.getDouble(i, 0, 3, STROKE - 1)).isCloseTo(a, within(1e-12));
                    assertThat(x.getDouble(i, 0, 3, STROKE + 2)).as("only one pixel each side").isEqualTo(0.0);
                } else {
                    thinner++;
                    assertThat(x.getDouble(i, 0, 3, STROKE + 1)).isEqualTo(0.0);
                }
                assertThat(x.slice(i).slice(1)).as("every channel alike").isEqualTo(x.slice(i).slice(0));
            }
        }
        assertThat(amounts).as("a fresh amount per image").hasSizeGreaterThan(190);
        assertThat(thicker).isGreaterThan(60);
        assertThat(thinner).isGreaterThan(60);
        assertThat(task.support().y()).isEqualTo(Nd4j.zeros(DataType.LONG, 100));
    }

    @Test
    void theSameSeedGivesTheSameEpisodeAndZeroPassesItThrough() {
        RandomThickness thickness = new RandomThickness(source(10), 0.5);
        assertThat(thickness.sample(5).query().x()).isEqualTo(thickness.sample(5).query().x());
        assertThat(thickness.sample(5).query().x()).isNotEqualTo(thickness.sample(6).query().x());
        Task task = source(1).sample(1);
        assertThat(new RandomThickness(seed -> task, 0).sample(1)).isSameAs(task);
    }

    @Test
    void aBoundOutsideZeroToOneIsRejectedNamingTheValue() {
        assertThatThrownBy(() -> new RandomThickness(source(1), 1.5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxAmount").hasMessageContaining("[0, 1]").hasMessageContaining("1.5");
    }
}

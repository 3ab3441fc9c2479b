package org.metalearn4j.core.nn;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

class RunningStatsTest {
    @Test
    void lastBatchStatisticsAreTheLastBatchsWhateverTheLayersMomentum() {
        RunningStats averaged = new RunningStats();
        RunningStats last = RunningStats.lastBatch();
        for (RunningStats stats : new RunningStats[] {averaged, last}) {
            stats.update("bn", Nd4j.createFromArray(2.0), Nd4j.createFromArray(4.0), 0.1);
            stats.update("bn", Nd4j.createFromArray(3.0), Nd4j.createFromArray(5.0), 0.1);
        }
        assertThat(last.mean("bn", 1, DataType.DOUBLE).getDouble(0)).isEqualTo(3.0);
        assertThat(last.variance("bn", 1, DataType.DOUBLE).getDouble(0)).isEqualTo(5.0);
        assertThat(averaged.mean("bn", 1, DataType.DOUBLE).getDouble(0)).isCloseTo(0.9 * 0.2 + 0.3,
                org.assertj.core.data.Offset.offset(1e-12));
    }
}

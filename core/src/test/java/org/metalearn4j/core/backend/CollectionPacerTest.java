package org.metalearn4j.core.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class CollectionPacerTest {
    @Test
    void collectsOncePerVolumeOfOwnedBuffers() {
        AtomicInteger collections = new AtomicInteger();
        CollectionPacer pacer = new CollectionPacer(1000, collections::incrementAndGet);
        INDArray floats100 = Nd4j.create(DataType.FLOAT, 100);
        pacer.count(floats100);
        pacer.count(floats100);
        assertThat(collections).hasValue(0);
        pacer.count(floats100);
        assertThat(collections).hasValue(1);
        pacer.count(Nd4j.create(DataType.DOUBLE, 250));
        assertThat(collections).as("2,000 bytes after the reset").hasValue(2);
    }

    @Test
    void viewsShareTheirParentsBufferAndAreNotCounted() {
        AtomicInteger collections = new AtomicInteger();
        CollectionPacer pacer = new CollectionPacer(1000, collections::incrementAndGet);
        INDArray matrix = Nd4j.create(DataType.FLOAT, 10, 100);
        for (int i = 0; i < 10; i++) {
            pacer.count(matrix.getRow(i));
        }
        assertThat(collections).hasValue(0);
    }

    @Test
    void zeroDisablesPacing() {
        AtomicInteger collections = new AtomicInteger();
        CollectionPacer pacer = new CollectionPacer(CollectionPacer.parse("0"), collections::incrementAndGet);
        pacer.count(Nd4j.create(DataType.FLOAT, 1 << 20));
        assertThat(collections).hasValue(0);
    }

    @Test
    void volumesParseWithUnitsAndBadValuesNameTheProperty() {
        assertThat(CollectionPacer.parse("256m")).isEqualTo(256L << 20);
        assertThatThrownBy(() -> CollectionPacer.parse("often"))
                .hasMessageContaining("metalearn4j.collectEvery").hasMessageContaining("'often'");
    }
}

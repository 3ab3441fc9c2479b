package org.metalearn4j.core.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class CollectionPacerTest {
    private final AtomicLong clock = new AtomicLong();
    private final AtomicInteger collections = new AtomicInteger();

    /** A pacer whose collections take {@code collectNanos} on the fake clock. */
    private CollectionPacer pacer(long every, long collectNanos) {
        return new CollectionPacer(every, () -> {
            collections.incrementAndGet();
            clock.addAndGet(collectNanos);
        }, clock::get);
    }

    @Test
    void collectsOncePerVolumeOfOwnedBuffers() {
        CollectionPacer pacer = pacer(1000, 0);
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
        CollectionPacer pacer = pacer(1000, 0);
        INDArray matrix = Nd4j.create(DataType.FLOAT, 10, 100);
        for (int i = 0; i < 10; i++) {
            pacer.count(matrix.getRow(i));
        }
        assertThat(collections).hasValue(0);
    }

    @Test
    void buffersInAStepArenaAreReusedWithoutTheCollectorAndAreNotCounted() {
        CollectionPacer pacer = pacer(1000, 0);
        try (StepArena arena = StepArena.open()) {
            for (int i = 0; i < 10; i++) {
                pacer.count(Nd4j.create(DataType.FLOAT, 100));
            }
        }
        assertThat(collections).hasValue(0);
    }

    @Test
    void volumeDoublesWhileCollectionsAreCostlyAndReturnsToTheMinimumWhenCheap() {
        CollectionPacer costly = pacer(1000, 10_000_000);
        allocate(costly, 1000, 90_000_000);
        assertThat(costly.currentEvery()).as("10 ms of 100 ms collecting").isEqualTo(2000);
        allocate(costly, 2000, 90_000_000);
        assertThat(costly.currentEvery()).isEqualTo(4000);
        CollectionPacer cheap = pacer(1000, 1_000_000);
        allocate(cheap, 1000, 10_000_000);
        assertThat(cheap.currentEvery()).isEqualTo(2000);
        allocate(cheap, 2000, 999_000_000);
        assertThat(cheap.currentEvery()).as("1 ms of 1 s collecting").isEqualTo(1000);
        allocate(cheap, 1000, 999_000_000);
        assertThat(cheap.currentEvery()).as("never below the configured volume").isEqualTo(1000);
    }

    @Test
    void volumeStopsDoublingAtFourGigabytes() {
        CollectionPacer pacer = pacer(3L << 30, 1_000_000_000);
        for (int i = 0; i < 3; i++) {
            allocate(pacer, pacer.currentEvery(), 1_000_000);
        }
        assertThat(pacer.currentEvery()).isEqualTo(4L << 30);
        assertThat(collections).hasValue(3);
    }

    /** Works for {@code workNanos} on the fake clock, then allocates {@code bytes}. */
    private void allocate(CollectionPacer pacer, long bytes, long workNanos) {
        clock.addAndGet(workNanos);
        pacer.countBytes(bytes);
    }

    @Test
    void zeroDisablesPacing() {
        CollectionPacer pacer = pacer(CollectionPacer.parse("0"), 0);
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

package org.metalearn4j.core.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ResidentMemoryGuardTest {

    @Test
    void collectsAboveTheLimitAtMostOncePerSecondAndStopsBelowIt() throws InterruptedException {
        AtomicLong resident = new AtomicLong(100);
        try (ResidentMemoryGuard guard = ResidentMemoryGuard.start(1000, Duration.ofMillis(1), resident::get)) {
            Thread.sleep(50);
            assertThat(guard.collections()).isZero();
            resident.set(5000);
            awaitCollections(guard, 1);
            Thread.sleep(300);
            assertThat(guard.collections()).as("no second collection within a second").isEqualTo(1);
            awaitCollections(guard, 2);
            resident.set(100);
            Thread.sleep(1200);
            long settled = guard.collections();
            Thread.sleep(200);
            assertThat(guard.collections()).as("below the limit").isEqualTo(settled);
        }
    }

    private static void awaitCollections(ResidentMemoryGuard guard, long n) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (guard.collections() < n && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(guard.collections()).isEqualTo(n);
    }

    @Test
    void sizesParseWithUnitsAndBadValuesNameTheProperty() {
        assertThat(ResidentMemoryGuard.parseSize("8g", ResidentMemoryGuard.PROPERTY)).isEqualTo(8L << 30);
        assertThat(ResidentMemoryGuard.parseSize("512M", ResidentMemoryGuard.PROPERTY)).isEqualTo(512L << 20);
        assertThat(ResidentMemoryGuard.parseSize("4096", ResidentMemoryGuard.PROPERTY)).isEqualTo(4096L);
        assertThatThrownBy(() -> ResidentMemoryGuard.parseSize("lots", ResidentMemoryGuard.PROPERTY))
                .hasMessageContaining("metalearn4j.maxResident").hasMessageContaining("'lots'");
        assertThatThrownBy(() -> ResidentMemoryGuard.parseSize("-1g", ResidentMemoryGuard.PROPERTY))
                .hasMessageContaining("positive");
    }
}

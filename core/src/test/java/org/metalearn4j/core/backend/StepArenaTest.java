package org.metalearn4j.core.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class StepArenaTest {
    private static long stepAddress() {
        try (StepArena arena = StepArena.open()) {
            INDArray x = Nd4j.createUninitialized(DataType.FLOAT, 4096);
            assertThat(x.isAttached()).isTrue();
            return x.data().address();
        }
    }

    @Test
    void laterStepsReuseTheSameMemory() {
        stepAddress(); // the first step measures the size
        long second = stepAddress();
        assertThat(stepAddress()).isEqualTo(second);
        assertThat(stepAddress()).isEqualTo(second);
    }

    @Test
    void arraysMadeOutsideSurviveTheStep() {
        INDArray kept;
        try (StepArena arena = StepArena.open()) {
            kept = StepArena.outside(() -> Nd4j.ones(DataType.FLOAT, 3));
            assertThat(kept.isAttached()).isFalse();
        }
        stepAddress();
        assertThat(kept.addi(1).sumNumber().doubleValue()).isEqualTo(6.0);
    }

    @Test
    void anArrayUsedAfterItsStepFailsLoudly() {
        INDArray leaked;
        try (StepArena arena = StepArena.open()) {
            leaked = Nd4j.ones(DataType.FLOAT, 3);
        }
        assertThatThrownBy(() -> leaked.addi(1)).hasMessageContaining("metalearn4j-step");
    }

    @Test
    void aStepInsideAStepUsesTheOuterMemory() {
        try (StepArena outer = StepArena.open()) {
            INDArray inner;
            try (StepArena nested = StepArena.open()) {
                inner = Nd4j.ones(DataType.FLOAT, 3);
            }
            assertThat(inner.addi(1).sumNumber().doubleValue()).isEqualTo(6.0);
        }
    }
}

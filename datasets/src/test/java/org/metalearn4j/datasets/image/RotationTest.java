package org.metalearn4j.datasets.image;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RotationTest {
    private static final float[] IMAGE = {1, 2, 3, 4, 5, 6, 7, 8, 9};

    @Test
    void quarterTurnIsCounterClockwiseLikeNumpyRot90() {
        assertThat(Rotation.rotate(IMAGE, 3, 1)).containsExactly(3, 6, 9, 2, 5, 8, 1, 4, 7);
        assertThat(Rotation.rotate(IMAGE, 3, 2)).containsExactly(9, 8, 7, 6, 5, 4, 3, 2, 1);
        assertThat(Rotation.rotate(IMAGE, 3, 3)).containsExactly(7, 4, 1, 8, 5, 2, 9, 6, 3);
    }

    @Test
    void fourTurnsAndZeroTurnsAreTheIdentity() {
        assertThat(Rotation.rotate(IMAGE, 3, 4)).containsExactly(IMAGE);
        assertThat(Rotation.rotate(IMAGE, 3, 0)).containsExactly(IMAGE);
    }
}

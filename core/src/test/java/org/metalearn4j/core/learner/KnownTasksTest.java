package org.metalearn4j.core.learner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

class KnownTasksTest {

    @Test
    void theNearestKnownTaskIsFoundByEuclideanDistance() {
        KnownTasks<String> known = KnownTasks.<String>empty()
                .with(Nd4j.createFromArray(0f, 0f), "origin")
                .with(Nd4j.createFromArray(3f, 4f), "far")
                .with(Nd4j.createFromArray(1f, 1f), "near");

        KnownTasks.Nearest<String> n = known.nearest(Nd4j.createFromArray(1.2f, 0.9f));

        assertThat(n.solution()).isEqualTo("near");
        assertThat(n.index()).isEqualTo(2);
        assertThat(n.distance()).isCloseTo(Math.hypot(0.2, 0.1), org.assertj.core.api.Assertions.within(1e-6));
        assertThat(known.size()).isEqualTo(3);
        assertThat(known.nearest(Nd4j.createFromArray(2.9f, 4.2f)).solution()).isEqualTo("far");
    }

    @Test
    void emptyOrMismatchedEmbeddingsFailClearly() {
        assertThatThrownBy(() -> KnownTasks.empty().nearest(Nd4j.createFromArray(1f)))
                .hasMessageContaining("no known task");
        KnownTasks<Integer> one = KnownTasks.<Integer>empty().with(Nd4j.createFromArray(1f, 2f), 1);
        assertThatThrownBy(() -> one.with(Nd4j.createFromArray(1f), 2)).hasMessageContaining("length 1");
        assertThatThrownBy(() -> one.nearest(Nd4j.createFromArray(1f, 2f, 3f))).hasMessageContaining("length 3");
    }
}

package org.metalearn4j.core.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

class ClassStoreTest {
    private final ClassStore store = ClassStore.builder(1, 1, 2)
            .addClass("a", List.of(new float[] {1, 2}, new float[] {3, 4}))
            .addPacked("b", new float[] {5, 6}, 1)
            .addClass("c", List.of(new float[] {7, 8}, new float[] {9, 10}, new float[] {11, 12}))
            .build();

    @Test
    void keepsExamplesByClass() {
        assertThat(store.classes()).isEqualTo(3);
        assertThat(store.size()).isEqualTo(6);
        assertThat(store.count(2)).isEqualTo(3);
        assertThat(store.example(2, 1)).containsExactly(9, 10);
        assertThat(store.batchShape(4)).containsExactly(4, 1, 1, 2);
        assertThat(store.classesWhere(n -> !n.equals("b"))).containsExactly(0, 2);
    }

    @Test
    void filledStoreHoldsWhatItsWriterWrote() {
        float[][] values = {{1, 2, 3, 4}, {5, 6}, {7, 8, 9, 10, 11, 12}};
        ClassStore filled = ClassStore.filled(new long[] {1, 1, 2}, List.of("a", "b", "c"), new int[] {2, 1, 3},
                (c, data, offset) -> System.arraycopy(values[c], 0, data, offset, values[c].length));
        assertThat(filled.classNames()).isEqualTo(store.classNames());
        for (int c = 0; c < 3; c++) {
            assertThat(filled.count(c)).isEqualTo(store.count(c));
            for (int i = 0; i < store.count(c); i++) {
                assertThat(filled.example(c, i)).containsExactly(store.example(c, i));
            }
        }
        assertThatThrownBy(() -> ClassStore.filled(new long[] {2}, List.of("a"), new int[] {1, 2}, (c, d, o) -> { }))
                .hasMessageContaining("1 class names for 2 counts");
        assertThatThrownBy(() -> ClassStore.filled(new long[] {2}, List.of("a"), new int[] {-1}, (c, d, o) -> { }))
                .hasMessageContaining("class 'a': -1 examples");
    }

    @Test
    void selectReordersClassesWithoutCopying() {
        ClassStore selected = store.select(2, 0);
        assertThat(selected.classNames()).containsExactly("c", "a");
        assertThat(selected.example(0, 2)).containsExactly(11, 12);
        assertThat(selected.example(1, 0)).containsExactly(1, 2);
        assertThatThrownBy(() -> store.select(3)).isInstanceOf(DatasetException.class).hasMessageContaining("0..2");
    }

    @Test
    void labeledSetHasInt64LabelsInClassOrder() {
        LabeledSet set = store.select(1, 2).toLabeledSet();
        assertThat(set.classNames()).containsExactly("b", "c");
        assertThat(set.examples().x().shape()).containsExactly(4, 1, 1, 2);
        assertThat(set.examples().y().dataType()).isEqualTo(DataType.INT64);
        assertThat(set.examples().y().toLongVector()).containsExactly(0, 1, 1, 1);
        assertThat(set.examples().x().getFloat(1, 0, 0, 1)).isEqualTo(8f);
    }

    @Test
    void wrongExampleSizeNamesTheClass() {
        assertThatThrownBy(() -> ClassStore.builder(2).addClass("odd", List.of(new float[3])))
                .hasMessageContaining("class 'odd' example 0 has 3 values, expected 2");
    }
}

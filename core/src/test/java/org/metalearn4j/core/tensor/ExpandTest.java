package org.metalearn4j.core.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.metalearn4j.core.testing.GradCheck.random;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * {@code expand} picks a kernel by result size (generic broadcast for small results, a dimension-wise copy for large
 * ones); both must give ND4J's reference broadcast, for every pattern of broadcast axes.
 */
class ExpandTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(new long[] {1, 40}, new long[] {10, 40}),
                Arguments.of(new long[] {10, 1}, new long[] {10, 40}),
                Arguments.of(new long[] {1}, new long[] {3, 4}),
                Arguments.of(new long[] {1, 64, 1, 1}, new long[] {5, 64, 14, 14}),
                Arguments.of(new long[] {5, 1, 14, 14}, new long[] {5, 64, 14, 14}),
                Arguments.of(new long[] {1, 1, 1, 1}, new long[] {5, 64, 14, 14}),
                Arguments.of(new long[] {64, 1, 1}, new long[] {5, 64, 14, 14}),
                Arguments.of(new long[] {3, 1, 7}, new long[] {4, 3, 200, 7}));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void expandEqualsReferenceBroadcast(long[] from, long[] to) {
        INDArray v = random(42, from);
        INDArray reference = v.reshape(padded(from, to.length)).broadcast(to);
        INDArray expanded = Tensor.constant(v).expand(to).value();
        assertThat(expanded.shape()).isEqualTo(to);
        assertThat(expanded.data().asDouble()).containsExactly(reference.dup('c').data().asDouble());
    }

    private static long[] padded(long[] from, int rank) {
        long[] p = new long[rank];
        java.util.Arrays.fill(p, 1);
        System.arraycopy(from, 0, p, rank - from.length, from.length);
        return p;
    }
}

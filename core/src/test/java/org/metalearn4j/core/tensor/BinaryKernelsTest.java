package org.metalearn4j.core.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.metalearn4j.core.testing.GradCheck.random;

import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Every routing of {@link BinaryKernels} (bias, channel, column, reversed and general broadcasts) against numpy rules.
 */
class BinaryKernelsTest {
    static Stream<Arguments> shapes() {
        return Stream.of(
                Arguments.of(new long[] {3, 4}, new long[] {4}),
                Arguments.of(new long[] {3, 4}, new long[] {1, 4}),
                Arguments.of(new long[] {3, 4}, new long[] {3, 1}),
                Arguments.of(new long[] {2, 3, 4, 5}, new long[] {1, 3, 1, 1}),
                Arguments.of(new long[] {2, 3, 4, 5}, new long[] {2, 1, 1, 1}),
                Arguments.of(new long[] {1, 3, 1, 1}, new long[] {2, 3, 4, 5}),
                Arguments.of(new long[] {3, 1}, new long[] {1, 4}),
                Arguments.of(new long[] {5}, new long[] {2, 3, 5}));
    }

    @ParameterizedTest
    @MethodSource("shapes")
    void everyKernelFollowsNumpyBroadcasting(long[] sa, long[] sb) {
        INDArray a = random(1, sa);
        INDArray b = random(2, sb).addi(3);
        long[] out = Shapes.broadcast("test", sa, sb);
        INDArray fullA = a.reshape(padded(sa, out.length)).broadcast(out);
        INDArray fullB = b.reshape(padded(sb, out.length)).broadcast(out);
        for (BinaryKernels k : BinaryKernels.values()) {
            INDArray expected = switch (k) {
                case ADD -> fullA.add(fullB);
                case SUB -> fullA.sub(fullB);
                case MUL -> fullA.mul(fullB);
                case DIV -> fullA.div(fullB);
            };
            INDArray actual = k.apply(a, b);
            assertThat(actual.shape()).as(k + " shape").isEqualTo(out);
            assertThat(actual.equalsWithEps(expected, 1e-12)).as(k + " " + Arrays.toString(sa) + " with "
                    + Arrays.toString(sb)).isTrue();
        }
    }

    private static long[] padded(long[] shape, int rank) {
        long[] p = new long[rank];
        Arrays.fill(p, 1);
        System.arraycopy(shape, 0, p, rank - shape.length, shape.length);
        return p;
    }
}

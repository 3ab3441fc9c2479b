package org.metalearn4j.core.tensor;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.metalearn4j.core.testing.GradCheck.awayFromZero;
import static org.metalearn4j.core.testing.GradCheck.positive;
import static org.metalearn4j.core.testing.GradCheck.random;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.metalearn4j.core.nn.Losses;
import org.metalearn4j.core.testing.GradCheck;
import org.nd4j.linalg.api.ndarray.INDArray;

/** First and second derivatives of every op against float64 central differences, broadcast cases included. */
class OpGradientTest {

    private static Arguments op(String name, Function<List<Tensor>, Tensor> f, INDArray... inputs) {
        return Arguments.of(name, f, List.of(inputs));
    }

    static Stream<Arguments> ops() {
        return Stream.of(
                op("add broadcast row", x -> x.get(0).add(x.get(1)), random(1, 3, 4), random(2, 4)),
                op("add bias rank 3", x -> x.get(0).add(x.get(1)).square(), random(91, 2, 3, 4), random(92, 1, 4)),
                op("add broadcast col", x -> x.get(0).add(x.get(1)), random(1, 3, 1), random(2, 1, 5)),
                op("sub broadcast", x -> x.get(0).sub(x.get(1)), random(3, 2, 3, 4), random(4, 3, 1)),
                op("mul broadcast", x -> x.get(0).mul(x.get(1)), random(5, 2, 3), random(6, 2, 1)),
                op("div broadcast", x -> x.get(0).div(x.get(1)), random(7, 3, 4),
                        awayFromZero(8, 0.5, 2.0, 1, 4)),
                op("scalar ops", x -> x.get(0).mul(3.0).add(1.5).sub(0.5).div(2.0).rsub(1.0).neg(), random(9, 5)),
                op("addScaled", x -> x.get(0).addScaled(x.get(1).tanh(), -0.3).square(), random(87, 3, 2),
                        random(88, 3, 2)),
                op("addScaled broadcast", x -> x.get(0).addScaled(x.get(1), 2.0).square(), random(89, 3, 2),
                        random(90, 2)),
                op("exp", x -> x.get(0).exp(), random(10, 3, 3)),
                op("log", x -> x.get(0).log(), positive(11, 0.5, 3, 3, 3)),
                op("sqrt", x -> x.get(0).sqrt(), positive(12, 0.5, 3, 4)),
                op("pow 3", x -> x.get(0).pow(3.0), random(13, 2, 3)),
                op("square", x -> x.get(0).square(), random(14, 2, 3)),
                op("abs", x -> x.get(0).abs(), awayFromZero(15, 0.1, 2, 2, 3)),
                op("relu", x -> x.get(0).relu().mul(x.get(0)), awayFromZero(16, 0.1, 2, 3, 4)),
                op("leakyRelu", x -> x.get(0).leakyRelu(0.1).mul(x.get(0)), awayFromZero(17, 0.1, 2, 3, 4)),
                op("tanh", x -> x.get(0).tanh(), random(18, 3, 4)),
                op("sigmoid", x -> x.get(0).sigmoid(), random(19, 3, 4)),
                op("softplus", x -> x.get(0).softplus(), random(20, 3, 4).muli(3)),
                op("softmax axis 1", x -> x.get(0).softmax(1), random(21, 3, 4)),
                op("softmax axis 0", x -> x.get(0).softmax(0), random(22, 3, 4)),
                op("logSoftmax", x -> x.get(0).logSoftmax(-1), random(23, 2, 5)),
                op("matmul", x -> x.get(0).matmul(x.get(1)), random(24, 3, 4), random(25, 4, 2)),
                op("matmul tA", x -> x.get(0).matmul(x.get(1), true, false), random(26, 4, 3), random(27, 4, 2)),
                op("matmul tB", x -> x.get(0).matmul(x.get(1), false, true), random(28, 3, 4), random(29, 2, 4)),
                op("matmul tA tB", x -> x.get(0).matmul(x.get(1), true, true), random(30, 4, 3), random(31, 2, 4)),
                op("matmul batched", x -> x.get(0).matmul(x.get(1), false, true), random(32, 2, 3, 4),
                        random(33, 2, 5, 4)),
                op("affine", x -> x.get(0).affine(x.get(1), x.get(2)).tanh(), random(80, 3, 4), random(81, 2, 4),
                        random(82, 2)),
                op("affine twice", x -> x.get(0).affine(x.get(1), x.get(2)).tanh().affine(x.get(1).slice(1, 0, 2),
                        x.get(2)), random(83, 3, 4), random(84, 2, 4), random(85, 2)),
                op("meanSquare", x -> x.get(0).tanh().meanSquare(), random(86, 3, 2)),
                op("sum axes", x -> x.get(0).square().sum(false, 0, 2), random(34, 2, 3, 4)),
                op("sum keep", x -> x.get(0).square().sum(true, 1), random(35, 2, 3, 4)),
                op("sum all", x -> x.get(0).square().sum(), random(36, 2, 3)),
                op("mean", x -> x.get(0).square().mean(false, 1), random(37, 3, 4)),
                op("max", x -> x.get(0).max(false, 1).square(), random(38, 3, 5)),
                op("max keep", x -> x.get(0).max(true, 0, 1).mul(x.get(0)), random(39, 3, 4)),
                op("reshape", x -> x.get(0).reshape(4, 3).matmul(x.get(1)), random(40, 2, 6), random(41, 3, 2)),
                op("permute", x -> x.get(0).permute(2, 0, 1).mul(x.get(1)), random(42, 2, 3, 4), random(43, 4, 2,
                        3)),
                op("transpose", x -> x.get(0).transpose().matmul(x.get(0)), random(44, 3, 2)),
                op("transpose axes", x -> x.get(0).transpose(0, 2).square(), random(45, 2, 3, 4)),
                op("expand", x -> x.get(0).expand(3, 2, 4).square(), random(46, 2, 1)),
                op("concat", x -> Tensor.concat(1, List.of(x.get(0), x.get(1))).square(), random(47, 2, 3),
                        random(48, 2, 2)),
                op("stack", x -> Tensor.stack(0, List.of(x.get(0), x.get(1).tanh())).square(), random(49, 2, 3),
                        random(50, 2, 3)),
                op("slice", x -> x.get(0).slice(1, 1, 3).square(), random(51, 2, 4)),
                op("indexSelect", x -> x.get(0).indexSelect(1, 2, 0, 2).square(), random(52, 2, 3, 2)),
                op("conv2d", x -> x.get(0).conv2d(x.get(1), 1, 1).square(), random(53, 2, 2, 3, 3),
                        random(54, 2, 2, 3, 3)),
                op("conv2d stride 2", x -> x.get(0).conv2d(x.get(1), 2, 0).square(), random(55, 1, 1, 5, 5),
                        random(56, 2, 1, 3, 3)),
                op("conv2d with bias", x -> x.get(0).conv2d(x.get(1), x.get(2), 1, 0).square(),
                        random(77, 2, 1, 3, 3), random(78, 2, 1, 2, 2), random(79, 2)),
                op("conv2d with bias, constant input", x -> Tensor.constant(random(80, 2, 1, 4, 3))
                        .conv2d(x.get(0), x.get(1), 1, 1).square(), random(81, 3, 1, 3, 3), random(82, 3)),
                op("maxPool2d", x -> x.get(0).maxPool2d(2).square(), random(57, 2, 2, 5, 4)),
                op("conv2d NHWC with bias", x -> x.get(0).conv2d(x.get(1), x.get(2), 1, 1, ImageLayout.NHWC)
                        .square(), random(93, 2, 4, 3, 2), random(94, 3, 2, 3, 3), random(95, 3)),
                op("conv2d NHWC stride 2, no bias", x -> x.get(0).conv2d(x.get(1), null, 2, 0, ImageLayout.NHWC)
                        .square(), random(96, 1, 5, 5, 2), random(97, 2, 2, 3, 3)),
                // a constant input with few channels takes the patch-matrix weight gradient
                op("conv2d NHWC constant 2-channel input", x -> Tensor.constant(random(98, 2, 5, 4, 2))
                        .conv2d(x.get(0), x.get(1), 2, 1, ImageLayout.NHWC).square(), random(99, 3, 2, 3, 3),
                        random(100, 3)),
                op("conv2d NHWC constant 1-channel input, stride 2", x -> Tensor.constant(random(101, 2, 5, 4, 1))
                        .conv2d(x.get(0), x.get(1), 2, 1, ImageLayout.NHWC).square(), random(102, 3, 1, 3, 3),
                        random(103, 3)),
                op("maxPool2d NHWC", x -> x.get(0).maxPool2d(2, ImageLayout.NHWC).square(), random(104, 2, 5, 4, 2)),
                op("batchNorm train 4d", x -> BatchNorm.train(x.get(0), x.get(1), x.get(2), 1e-5).output().tanh(),
                        random(58, 3, 2, 2, 2), random(59, 2), random(60, 2)),
                op("batchNorm train 2d", x -> BatchNorm.train(x.get(0), x.get(1), x.get(2), 1e-5).output().tanh(),
                        random(61, 4, 3), random(62, 3), random(63, 3)),
                op("batchNorm eval", x -> BatchNorm.eval(x.get(0), x.get(1), x.get(2), positive(64, -1, 1, 2),
                        positive(65, 0.5, 2, 2), 1e-5).tanh(), random(66, 2, 2, 2, 2), random(67, 2), random(68, 2)),
                op("dropout", x -> Dropout.apply(x.get(0), 0.3, 42).square(), random(69, 4, 5)),
                op("pairwise squared distance", x -> Distances.pairwiseSquaredEuclidean(x.get(0), x.get(1)),
                        random(70, 3, 4), random(71, 5, 4)),
                op("cosine similarity", x -> Distances.cosineSimilarity(x.get(0), x.get(1), 1e-8),
                        random(72, 3, 4), random(73, 2, 4)),
                op("cross-entropy", x -> Losses.crossEntropy(x.get(0), new int[] {2, 0, 1}), random(74, 3, 4)),
                op("mse", x -> Losses.mse(x.get(0), x.get(1)), random(75, 3, 2), random(76, 3, 2)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ops")
    void firstDerivativesMatchFiniteDifferences(String name, Function<List<Tensor>, Tensor> f,
                                                List<INDArray> inputs) {
        // GradCheck throws an AssertionError naming the input, the element and both values on a mismatch.
        assertThatCode(() -> GradCheck.firstOrder(f, inputs)).as(name).doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ops")
    void secondDerivativesMatchFiniteDifferences(String name, Function<List<Tensor>, Tensor> f,
                                                 List<INDArray> inputs) {
        assertThatCode(() -> GradCheck.secondOrder(f, inputs)).as(name).doesNotThrowAnyException();
    }
}

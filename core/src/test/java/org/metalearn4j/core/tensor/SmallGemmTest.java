package org.metalearn4j.core.tensor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.metalearn4j.core.testing.GradCheck;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The direct BLAS path must give ND4J's matmul op's values for every operand layout it accepts (row-major,
 * column-major, offset views), bit for bit in float64, and must decline layouts BLAS cannot express.
 */
class SmallGemmTest {

    /** Operands as stored: c-order, f-order, a row-range view with an offset, a transposed view. */
    private static INDArray layout(INDArray m, String how) {
        return switch (how) {
            case "c" -> m.dup('c');
            case "f" -> m.dup('f');
            case "rows" -> Nd4j.concat(0, GradCheck.random(99, 2, m.columns()).castTo(m.dataType()), m).dup('c')
                    .get(NDArrayIndex.interval(2, 2 + m.rows()), NDArrayIndex.all());
            case "transposed" -> m.transpose().dup('c').transpose();
            default -> throw new IllegalArgumentException(how);
        };
    }

    private static INDArray reference(INDArray a, INDArray b, boolean ta, boolean tb, long m, long n) {
        INDArray c = Nd4j.create(a.dataType(), new long[] {m, n}, 'c');
        Nd4j.exec(DynamicCustomOp.builder("matmul").addInputs(a.dup('c'), b.dup('c')).addOutputs(c)
                .addIntegerArguments(ta ? 1 : 0, tb ? 1 : 0).build());
        return c;
    }

    @ParameterizedTest
    @CsvSource({"c,c,false,false", "c,c,false,true", "c,c,true,false", "c,c,true,true", "f,c,false,true",
        "c,f,true,false", "f,f,true,true", "rows,c,false,false", "c,rows,true,false", "transposed,c,false,true",
        "c,transposed,true,true"})
    void matchesNd4jsMatmulOp(String layoutA, String layoutB, boolean ta, boolean tb) {
        long m = 5;
        long k = 7;
        long n = 3;
        for (DataType type : new DataType[] {DataType.DOUBLE, DataType.FLOAT}) {
            INDArray a = layout(GradCheck.random(1, ta ? k : m, ta ? m : k).castTo(type), layoutA);
            INDArray b = layout(GradCheck.random(2, tb ? n : k, tb ? k : n).castTo(type), layoutB);
            INDArray c = Nd4j.create(type, new long[] {m, n}, 'c');
            assertThat(SmallGemm.product(a, b, ta, tb, c, m, n, k)).as("%s %s", layoutA, layoutB).isTrue();
            INDArray expected = reference(a, b, ta, tb, m, n);
            if (type == DataType.DOUBLE) {
                assertThat(c.data().asDouble()).isEqualTo(expected.data().asDouble());
            } else {
                assertThat(c.equalsWithEps(expected, 1e-5)).as("float32 %s %s", c, expected).isTrue();
            }
        }
    }

    @Test
    void declinesStridedOperandsAndLeavesThemToTheOp() {
        INDArray wide = GradCheck.random(3, 4, 10);
        INDArray everyOtherColumn = wide.get(NDArrayIndex.all(), NDArrayIndex.interval(0, 2, 10));
        INDArray b = GradCheck.random(4, 5, 3);
        INDArray c = Nd4j.create(DataType.DOUBLE, new long[] {4, 3}, 'c');
        assertThat(SmallGemm.product(everyOtherColumn, b, false, false, c, 4, 3, 5)).isFalse();
        Tensor product = Tensor.constant(everyOtherColumn).matmul(Tensor.constant(b));
        assertThat(product.value().equalsWithEps(everyOtherColumn.dup().mmul(b), 1e-12)).isTrue();
    }

    /** Batches as stored: c-order, each matrix transposed in place (a permuted view), a batch-range view. */
    private static INDArray batchLayout(INDArray batch, String how) {
        return switch (how) {
            case "c" -> batch.dup('c');
            case "transposed" -> batch.permute(0, 2, 1).dup('c').permute(0, 2, 1);
            case "range" -> Nd4j.concat(0, GradCheck.random(98, 1, batch.size(1), batch.size(2))
                    .castTo(batch.dataType()), batch).dup('c')
                    .get(NDArrayIndex.interval(1, 1 + batch.size(0)), NDArrayIndex.all(), NDArrayIndex.all());
            default -> throw new IllegalArgumentException(how);
        };
    }

    @ParameterizedTest
    @CsvSource({"c,c,false,false", "c,c,false,true", "c,c,true,true", "transposed,c,false,true",
        "c,transposed,true,false", "range,c,false,false", "c,range,false,true", "range,transposed,true,true"})
    void batchedProductsMatchTheOpMatrixByMatrix(String layoutA, String layoutB, boolean ta, boolean tb) {
        long batch = 4;
        long m = 5;
        long k = 7;
        long n = 3;
        for (DataType type : new DataType[] {DataType.DOUBLE, DataType.FLOAT}) {
            INDArray aValues = GradCheck.random(3, batch, ta ? k : m, ta ? m : k).castTo(type);
            INDArray bValues = GradCheck.random(4, batch, tb ? n : k, tb ? k : n).castTo(type);
            INDArray a = batchLayout(aValues, layoutA);
            INDArray b = batchLayout(bValues, layoutB);
            INDArray c = Nd4j.create(type, new long[] {batch, m, n}, 'c');
            assertThat(SmallGemm.batchedProduct(a, b, ta, tb, c)).as("%s %s", layoutA, layoutB).isTrue();
            for (int i = 0; i < batch; i++) {
                INDArray expected = reference(aValues.slice(i), bValues.slice(i), ta, tb, m, n);
                if (type == DataType.DOUBLE) {
                    assertThat(c.slice(i).dup().data().asDouble()).as("matrix %d", i)
                            .isEqualTo(expected.data().asDouble());
                } else {
                    assertThat(c.slice(i).equalsWithEps(expected, 1e-5)).as("float32 matrix %d", i).isTrue();
                }
            }
        }
    }

    @Test
    void batchesWhoseMatricesBlasCannotReadGoToTheOp() {
        INDArray wide = GradCheck.random(5, 2, 4, 10);
        INDArray strided = wide.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval(0, 2, 10));
        INDArray b = GradCheck.random(6, 2, 5, 3);
        INDArray c = Nd4j.create(DataType.DOUBLE, new long[] {2, 4, 3}, 'c');
        assertThat(SmallGemm.batchedProduct(strided, b, false, false, c)).isFalse();
        INDArray product = Tensor.constant(strided).matmul(Tensor.constant(b)).value();
        for (int i = 0; i < 2; i++) {
            INDArray expected = reference(wide.slice(i).get(NDArrayIndex.all(), NDArrayIndex.interval(0, 2, 10)),
                    b.slice(i), false, false, 4, 3);
            assertThat(product.slice(i).equalsWithEps(expected, 1e-12)).isTrue();
        }
    }

    @ParameterizedTest
    @CsvSource({"c,c", "f,c", "c,f", "rows,transposed"})
    void affineAndColumnSumsMatchTheComposedOps(String layoutX, String layoutW) {
        for (DataType type : new DataType[] {DataType.DOUBLE, DataType.FLOAT}) {
            INDArray x = layout(GradCheck.random(5, 6, 4).castTo(type), layoutX);
            INDArray w = layout(GradCheck.random(6, 3, 4).castTo(type), layoutW);
            INDArray bias = GradCheck.random(7, 3).castTo(type);
            INDArray y = Nd4j.create(type, new long[] {6, 3}, 'c');
            assertThat(SmallGemm.affine(x, w, bias, y, 6, 3, 4)).isTrue();
            INDArray expected = reference(x, w, false, true, 6, 3).addiRowVector(bias);
            assertThat(y.equalsWithEps(expected, type == DataType.DOUBLE ? 1e-14 : 1e-5)).as("%s %s", y, expected)
                    .isTrue();
            INDArray sums = Nd4j.create(type, 4);
            assertThat(SmallGemm.columnSums(x, sums)).isTrue();
            assertThat(sums.equalsWithEps(x.sum(0), type == DataType.DOUBLE ? 1e-14 : 1e-5)).isTrue();
        }
    }
}

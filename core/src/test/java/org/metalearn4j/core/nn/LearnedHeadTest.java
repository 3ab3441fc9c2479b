package org.metalearn4j.core.nn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.metalearn4j.core.task.TaskType;
import org.metalearn4j.core.tensor.Tensor;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** A learned head of three class rows sized for episodes of other numbers of classes, and its learned rates. */
class LearnedHeadTest {
    private static Params weights(String head) {
        Map<String, Tensor> all = new LinkedHashMap<>();
        all.put("backbone.0.weight", Tensor.variable(Nd4j.rand(DataType.DOUBLE, 2, 2)));
        all.put(head + ".weight", Tensor.variable(Nd4j.createFromArray(new double[][] {{1, 2}, {3, 4}, {5, 9}})));
        all.put(head + ".bias", Tensor.variable(Nd4j.createFromArray(1.0, 2.0, 6.0)));
        all.put("noise", Tensor.variable(Nd4j.ones(DataType.DOUBLE, 1)));
        return Params.of(all);
    }

    @Test
    void atItsOwnWidthOrOutsideClassificationTheWeightsComeBackAsTheyAre() {
        Params w = weights("head");
        assertThat(LearnedHead.forWays(w, "head", TaskType.CLASSIFICATION, 3)).isSameAs(w);
        assertThat(LearnedHead.forWays(w, "head", TaskType.REGRESSION, 1)).isSameAs(w);
    }

    @Test
    void everyClassOfAnotherWidthStartsAtTheMeanLearnedRowAndBias() {
        Params w = weights("particle.1.head");
        Params five = LearnedHead.forWays(w, "particle.1.head", TaskType.CLASSIFICATION, 5);
        assertThat(five.names()).as("order kept").isEqualTo(w.names());
        INDArray rows = five.get("particle.1.head.weight").value();
        assertThat(rows.shape()).containsExactly(5, 2);
        for (int k = 0; k < 5; k++) {
            assertThat(rows.getRow(k).toDoubleVector()).containsExactly(3.0, 5.0);
        }
        assertThat(five.get("particle.1.head.bias").value().toDoubleVector()).containsExactly(3, 3, 3, 3, 3);
        assertThat(five.get("particle.1.head.weight").requiresGrad()).as("a fresh leaf to adapt").isTrue();
        assertThat(five.get("backbone.0.weight")).isSameAs(w.get("backbone.0.weight"));
        assertThat(five.get("noise")).isSameAs(w.get("noise"));
        assertThat(LearnedHead.forWays(w, "particle.1.head", TaskType.CLASSIFICATION, 2)
                .get("particle.1.head.weight").value().shape()).containsExactly(2, 2);
    }

    @Test
    void perClassRatesOfAnotherWidthAreOneRowSharedByEveryClass() {
        INDArray perClass = Nd4j.createFromArray(new float[][] {{1, 2}, {3, 4}, {5, 9}});
        Params rates = Params.of(Map.of("head.weight", Tensor.constant(perClass),
                "head.bias", Tensor.constant(Nd4j.createFromArray(1f, 2f, 6f))));
        assertThat(LearnedHead.rates(rates, "head", TaskType.CLASSIFICATION, 3))
                .as("the trained width keeps its per-class rates").isSameAs(rates);
        Params shared = LearnedHead.rates(rates, "head", TaskType.CLASSIFICATION, 5);
        assertThat(shared.get("head.weight").value()).isEqualTo(Nd4j.createFromArray(new float[][] {{3, 5}}));
        assertThat(shared.get("head.bias").value().getDouble(0)).isEqualTo(3.0);
        Params oneRow = Params.of(Map.of("head.weight", Tensor.constant(Nd4j.ones(DataType.FLOAT, 1, 2))));
        assertThat(LearnedHead.rates(oneRow, "head", TaskType.CLASSIFICATION, 5)).isSameAs(oneRow);
        assertThat(LearnedHead.rates(rates, "head", TaskType.REGRESSION, 1)).isSameAs(rates);
    }
}

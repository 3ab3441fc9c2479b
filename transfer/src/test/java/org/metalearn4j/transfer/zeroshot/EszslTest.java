package org.metalearn4j.transfer.zeroshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.metalearn4j.transfer.TestArrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class EszslTest {
    static final int[] SEEN = {0, 1, 2, 3, 4, 5, 6};
    static final int[] UNSEEN = {7, 8, 9};

    @Test
    void closedFormRecoversAPlantedBilinearMap() {
        INDArray x = TestArrays.gaussian(200, 10, 1);
        INDArray planted = TestArrays.gaussian(10, 4, 2);
        INDArray s = TestArrays.gaussian(6, 4, 3);
        INDArray y = x.mmul(planted).mmul(s.transpose());

        INDArray v = Eszsl.solve(x, y, s, 1e-9, 1e-9);

        assertThat(v.shape()).containsExactly(10, 4);
        assertThat(v.sub(planted).amaxNumber().doubleValue()).isLessThan(1e-6);
    }

    @Test
    void strongRegularisationShrinksTheMap() {
        INDArray x = TestArrays.gaussian(50, 5, 4);
        INDArray s = TestArrays.gaussian(4, 3, 5);
        INDArray y = TestArrays.gaussian(50, 4, 6);
        double weak = Eszsl.solve(x, y, s, 1e-3, 1e-3).norm2Number().doubleValue();
        double strong = Eszsl.solve(x, y, s, 1e4, 1e4).norm2Number().doubleValue();
        assertThat(strong).isLessThan(weak * 1e-3);
    }

    @Test
    void classifiesUnseenSyntheticClassesFarAboveChance() {
        SyntheticClasses classes = new SyntheticClasses(10, 8, 20, 0.5, 11);
        INDArray[] train = classes.sample(SEEN, 60, 12);
        INDArray[] test = classes.sample(UNSEEN, 100, 13);

        Eszsl.Model model = Eszsl.fit(train[0], train[1], classes.attributesOf(SEEN), 1.0, 1.0);
        double accuracy = accuracy(model.predict(test[0], classes.attributesOf(UNSEEN)), test[1]);

        // Chance is 1/3; the classes are linearly generated from their attributes, so near-perfect is expected.
        assertThat(accuracy).isGreaterThan(0.9);
    }

    @Test
    void rejectsLabelsOutsideTheAttributeTable() {
        INDArray x = Nd4j.zeros(DataType.DOUBLE, 2, 3);
        assertThatThrownBy(() -> Eszsl.fit(x, Nd4j.createFromArray(0.0, 5.0), Nd4j.eye(3), 1, 1))
                .hasMessageContaining("label 5 of example 1 is outside [0, 3)");
    }

    static double accuracy(INDArray predicted, INDArray labels) {
        long[] p = predicted.castTo(DataType.LONG).toLongVector();
        long[] y = labels.castTo(DataType.LONG).toLongVector();
        int right = 0;
        for (int i = 0; i < p.length; i++) {
            right += p[i] == y[i] ? 1 : 0;
        }
        return right / (double) p.length;
    }
}

package org.metalearn4j.transfer.zeroshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.metalearn4j.transfer.zeroshot.EszslTest.SEEN;
import static org.metalearn4j.transfer.zeroshot.EszslTest.UNSEEN;
import static org.metalearn4j.transfer.zeroshot.EszslTest.accuracy;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class DirectAttributePredictionTest {
    private static final SyntheticClasses CLASSES = new SyntheticClasses(10, 8, 20, 0.5, 21);
    private static final INDArray[] TRAIN = CLASSES.sample(SEEN, 60, 22);
    private static final DirectAttributePrediction.Model MODEL =
            DirectAttributePrediction.fit(TRAIN[0], TRAIN[1], CLASSES.attributesOf(SEEN), 1e-2);

    @Test
    void predictsTheAttributesOfUnseenClasses() {
        INDArray[] test = CLASSES.sample(UNSEEN, 50, 23);
        INDArray probs = MODEL.attributeProbabilities(test[0]);
        INDArray truth = CLASSES.attributesOf(UNSEEN).get(test[1].castTo(DataType.INT));
        double agreement = probs.gt(0.5).castTo(DataType.DOUBLE).eq(truth).castTo(DataType.DOUBLE)
                .meanNumber().doubleValue();
        // Chance agreement is 0.5; the model never saw these attribute combinations.
        assertThat(agreement).isGreaterThan(0.85);
    }

    @Test
    void classifiesUnseenSyntheticClassesFarAboveChance() {
        INDArray[] test = CLASSES.sample(UNSEEN, 100, 24);
        double accuracy = accuracy(MODEL.predict(test[0], CLASSES.attributesOf(UNSEEN)), test[1]);
        assertThat(accuracy).isGreaterThan(0.9);
    }

    @Test
    void posteriorsAreNormalisedDistributions() {
        INDArray[] test = CLASSES.sample(UNSEEN, 5, 25);
        INDArray post = MODEL.posteriors(test[0], CLASSES.attributesOf(UNSEEN));
        assertThat(post.sum(1).sub(1.0).amaxNumber().doubleValue()).isLessThan(1e-9);
        assertThat(post.minNumber().doubleValue()).isGreaterThanOrEqualTo(0.0);
    }

    @Test
    void rejectsAttributesOutsideTheUnitInterval() {
        INDArray x = Nd4j.zeros(DataType.DOUBLE, 2, 3);
        assertThatThrownBy(() -> DirectAttributePrediction.fit(x, Nd4j.createFromArray(0.0, 1.0),
                Nd4j.createFromArray(new double[][] {{0, 2}, {1, 0}}), 1e-2))
                .hasMessageContaining("attribute values in [0, 1]");
    }
}

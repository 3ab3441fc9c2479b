package org.metalearn4j.core.learner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.metalearn4j.core.dataset.ClassStore;
import org.metalearn4j.core.dataset.ClassStoreDataset;
import org.metalearn4j.core.spi.ConfigException;
import org.metalearn4j.core.task.Examples;
import org.metalearn4j.core.task.Seeds;
import org.metalearn4j.core.task.Task;
import org.metalearn4j.core.task.TaskSource;
import org.metalearn4j.core.task.TaskType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Test-time augmentation: the support set grows by transformed copies, predictions average over transformed views,
 * and everything is a function of the seed.
 */
class TestTimeAugmentationTest {
    /** Adds the view seed's last digit to every input: a transform whose draws can be read back. */
    private static final UnaryOperator<TaskSource> ADD_SEED_DIGIT = source -> seed -> {
        Task t = source.sample(seed);
        double shift = Math.floorMod(seed, 10);
        return new Task(new Examples(t.support().x().add(shift), t.support().y()),
                new Examples(t.query().x().add(shift), t.query().y()), t.type(), t.ways(), t.shots(), t.domain());
    };

    private static final Examples SUPPORT = new Examples(Nd4j.createFromArray(new float[][] {{0}, {10}}),
            Nd4j.createFromArray(0L, 1L));

    /** Remembers the support set; predicts logits {@code [x, -x]}. */
    private static final class Recording implements Adapter {
        final List<Examples> supports = new ArrayList<>();

        @Override
        public Predictor adapt(Examples support, TaskType type, int ways) {
            supports.add(support);
            return x -> Nd4j.concat(1, x, x.neg());
        }
    }

    @Test
    void theSupportSetGainsAugmentedCopiesAndPredictionsAverageOverViews() {
        Recording inner = new Recording();
        Adapter tta = new TestTimeAugmentation(inner, ADD_SEED_DIGIT, 2, 5);
        INDArray queries = Nd4j.createFromArray(new float[][] {{0.5f}});
        INDArray out = tta.adapt(SUPPORT, TaskType.CLASSIFICATION, 2).predict(queries);

        Examples seen = inner.supports.get(0);
        assertThat(seen.size()).isEqualTo(6);
        assertThat(seen.y().toLongVector()).containsExactly(0, 1, 0, 1, 0, 1);
        assertThat(seen.x().getDouble(0, 0)).isEqualTo(0.0);
        assertThat(seen.x().getDouble(3, 0) - seen.x().getDouble(2, 0)).as("one draw per copy").isEqualTo(10.0);

        // the query views are the transform at seeds (seed, 1, view), next to the untouched queries
        List<Double> offsets = new ArrayList<>(List.of(0.0));
        for (int v = 1; v <= 2; v++) {
            offsets.add((double) Math.floorMod(Seeds.derive(5, 1, v), 10));
        }
        double expected = 0;
        for (double offset : offsets) {
            double x = 0.5 + offset;
            expected += Math.exp(x) / (Math.exp(x) + Math.exp(-x)) / offsets.size();
        }
        assertThat(Math.exp(out.getDouble(0, 0))).isCloseTo(expected, within(1e-6));
        assertThat(tta.adapt(SUPPORT, TaskType.CLASSIFICATION, 2).predict(queries)).as("a function of the seed")
                .isEqualTo(out);
    }

    @Test
    void aroundUsesTheDataSetsAugmentationAndZeroViewsChangeNothing() {
        ClassStore store = ClassStore.builder(1).addClass("a", List.of(new float[] {1}, new float[] {2}))
                .addClass("b", List.of(new float[] {3}, new float[] {4})).build();
        ClassStoreDataset plain = new ClassStoreDataset("plain", Map.of("meta-train", store));
        ClassStoreDataset augmented = new ClassStoreDataset("augmented", Map.of("meta-train", store),
                Map.of("meta-train", ADD_SEED_DIGIT));
        Adapter inner = new Recording();
        assertThat(TestTimeAugmentation.around(inner, plain, "meta-train", 0, 1)).isSameAs(inner);
        assertThat(TestTimeAugmentation.around(inner, augmented, "meta-train", 3, 1))
                .isInstanceOf(TestTimeAugmentation.class);
        assertThatThrownBy(() -> TestTimeAugmentation.check(plain, "meta-train", 2))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("eval.views:")
                .hasMessageContaining("'plain' does not augment");
        assertThat(augmented.augmentation("meta-train")).isPresent();
        assertThat(plain.augmentation("meta-train")).isEmpty();
        assertThatThrownBy(() -> new TestTimeAugmentation(inner, ADD_SEED_DIGIT, 0, 1))
                .hasMessageContaining("views must be >= 1");
    }
}

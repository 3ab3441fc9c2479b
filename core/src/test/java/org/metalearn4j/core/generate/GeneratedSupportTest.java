package org.metalearn4j.core.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.metalearn4j.core.dataset.ClassStore;
import org.metalearn4j.core.dataset.DatasetException;
import org.metalearn4j.core.dataset.EpisodeSampler;
import org.metalearn4j.core.task.EpisodeSpec;
import org.metalearn4j.core.task.Task;
import org.metalearn4j.core.task.TaskSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

class GeneratedSupportTest {
    /** Class c's examples are filled with the value c + i / 100, so a generated example can be traced to its class. */
    private static final ClassStore STORE = store(6, 8);

    /** Makes the mean of the support examples plus a seeded offset below 0.001, 1-shot to 3-shot, [1, 2, 2]. */
    private static final ExampleGenerator MEAN = new ExampleGenerator() {
        @Override
        public long[] exampleShape() {
            return new long[] {1, 2, 2};
        }

        @Override
        public int minShots() {
            return 1;
        }

        @Override
        public int maxShots() {
            return 3;
        }

        @Override
        public INDArray generate(INDArray supports, int count, long seed) {
            checkSupports(supports, count);
            long classes = supports.size(0);
            INDArray mean = supports.mean(1);
            INDArray out = Nd4j.create(DataType.FLOAT, classes, count, 1, 2, 2);
            SplittableRandom random = new SplittableRandom(seed);
            for (int c = 0; c < classes; c++) {
                for (int i = 0; i < count; i++) {
                    out.get(NDArrayIndex.point(c), NDArrayIndex.point(i)).assign(mean.get(NDArrayIndex.point(c))
                            .add(random.nextDouble() / 1000));
                }
            }
            return out;
        }
    };

    @Test
    void everyClassGetsGeneratedExamplesAfterItsOwnAndTheQuerySetIsUntouched() {
        TaskSource plain = new EpisodeSampler(STORE, new EpisodeSpec(3, 2, 4), "blocks/train");
        Task original = plain.sample(11);
        Task task = new GeneratedSupport(plain, MEAN, 5).sample(11);

        assertThat(task.shots()).isEqualTo(7);
        assertThat(task.ways()).isEqualTo(3);
        assertThat(task.support().x().shape()).containsExactly(21, 1, 2, 2);
        assertThat(task.support().y().toLongVector()).containsExactly(0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1,
                2, 2, 2, 2, 2, 2, 2);
        assertThat(task.query().x()).isEqualTo(original.query().x());
        for (int c = 0; c < 3; c++) {
            for (int k = 0; k < 2; k++) {
                assertThat(row(task, c * 7 + k)).isEqualTo(row(original, c * 2 + k));
            }
            double classValue = Math.floor(row(original, c * 2).getDouble(0));
            for (int g = 2; g < 7; g++) {
                assertThat(Math.floor(row(task, c * 7 + g).getDouble(0))).isEqualTo(classValue);
            }
        }
    }

    @Test
    void generatedExamplesAreAPureFunctionOfTheEpisodeSeed() {
        TaskSource augmented = new GeneratedSupport(new EpisodeSampler(STORE, new EpisodeSpec(2, 1, 1), "blocks"),
                MEAN, 2);

        assertThat(augmented.sample(3).support().x()).isEqualTo(augmented.sample(3).support().x());
        assertThat(augmented.sample(3).support().x()).isNotEqualTo(augmented.sample(4).support().x());
    }

    @Test
    void shotsOutsideTheTrainedRangeOrAnotherShapeAreRejectedNamingBoth() {
        TaskSource fiveShot = new EpisodeSampler(STORE, new EpisodeSpec(2, 5, 1), "blocks/test");
        assertThatThrownBy(() -> new GeneratedSupport(fiveShot, MEAN, 1).sample(0))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("blocks/test: episodes have 5 support examples per class")
                .hasMessageContaining("trained on 1 to 3");

        ClassStore wide = ClassStore.builder(1, 1, 4).addClass("a", List.of(new float[4], new float[4]))
                .addClass("b", List.of(new float[4], new float[4])).build();
        TaskSource other = new EpisodeSampler(wide, new EpisodeSpec(2, 1, 1), "wide");
        assertThatThrownBy(() -> new GeneratedSupport(other, MEAN, 1).sample(0))
                .hasMessageContaining("examples have shape [1, 1, 4], the generator makes [1, 2, 2]");
        assertThatThrownBy(() -> new GeneratedSupport(other, MEAN, 0))
                .hasMessageContaining("perClass: expected at least 1");
    }

    private static INDArray row(Task task, int i) {
        return task.support().x().get(NDArrayIndex.point(i)).reshape(4);
    }

    private static ClassStore store(int classes, int perClass) {
        ClassStore.Builder builder = ClassStore.builder(1, 2, 2);
        for (int c = 0; c < classes; c++) {
            List<float[]> examples = new ArrayList<>();
            for (int i = 0; i < perClass; i++) {
                float v = c + i / 100f;
                examples.add(new float[] {v, v, v, v});
            }
            builder.addClass("class" + c, examples);
        }
        return builder.build();
    }
}

package org.metalearn4j.core.generate;

import java.util.Arrays;
import java.util.Objects;
import org.metalearn4j.core.dataset.DatasetException;
import org.metalearn4j.core.task.ClassSets;
import org.metalearn4j.core.task.Examples;
import org.metalearn4j.core.task.Seeds;
import org.metalearn4j.core.task.Task;
import org.metalearn4j.core.task.TaskSource;
import org.metalearn4j.core.task.TaskType;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A task transform that adds {@code perClass} generated examples of each class to every support set: the generator
 * sees the class's support examples and makes new ones, so any learner trains or adapts on K + G examples per class.
 * The query set is untouched. The new support set is grouped by label (each class's real examples in their order,
 * then its generated ones), as {@link org.metalearn4j.core.dataset.EpisodeSampler} lays episodes out, and
 * {@link Task#shots()} becomes K + G.
 *
 * <p>A pure function of the episode seed: the generator's seed is derived from it with a constant of this transform,
 * so a resumed run sees the same generated examples.
 */
public final class GeneratedSupport implements TaskSource {
    /** Mixed into the episode seed, so generation draws repeat no other transform's. */
    private static final long STREAM = 0x6E6572617465L;

    private final TaskSource source;
    private final ExampleGenerator generator;
    private final int perClass;

    /**
     * @param source    the episodes to augment (classification, the same number of support examples per class)
     * @param generator makes the new examples
     * @param perClass  generated examples added per class, at least 1
     */
    public GeneratedSupport(TaskSource source, ExampleGenerator generator, int perClass) {
        this.source = Objects.requireNonNull(source, "source");
        this.generator = Objects.requireNonNull(generator, "generator");
        if (perClass < 1) {
            throw new IllegalArgumentException("perClass: expected at least 1 generated example per class, got "
                    + perClass);
        }
        this.perClass = perClass;
    }

    @Override
    public Task sample(long seed) {
        Task task = source.sample(seed);
        if (task.type() != TaskType.CLASSIFICATION) {
            throw new DatasetException(task.domain() + ": generated support examples need classification tasks, got "
                    + task.type());
        }
        int ways = task.ways();
        INDArray supports = ClassSets.of(task.support(), null, ways, DataType.FLOAT, task.domain() + " support");
        int shots = Math.toIntExact(supports.size(1));
        long[] example = Arrays.copyOfRange(supports.shape(), 2, supports.rank());
        if (shots < generator.minShots() || shots > generator.maxShots()) {
            throw new DatasetException(task.domain() + ": episodes have " + shots + " support examples per class, but"
                    + " the generator was trained on " + generator.minShots() + " to " + generator.maxShots());
        }
        if (!Arrays.equals(example, generator.exampleShape())) {
            throw new DatasetException(task.domain() + ": examples have shape " + Arrays.toString(example)
                    + ", the generator makes " + Arrays.toString(generator.exampleShape()));
        }
        INDArray generated = generator.generate(supports, perClass, Seeds.derive(seed ^ STREAM, ways, shots));
        int per = shots + perClass;
        long[] outShape = task.support().x().shape();
        outShape[0] = (long) ways * per;
        INDArray outX = Nd4j.concat(1, supports, generated.castTo(DataType.FLOAT)).reshape(outShape);
        long[] outY = new long[ways * per];
        for (int row = 0; row < outY.length; row++) {
            outY[row] = row / per;
        }
        return new Task(new Examples(outX, Nd4j.createFromArray(outY)), task.query(), task.type(), ways, per,
                task.domain());
    }
}

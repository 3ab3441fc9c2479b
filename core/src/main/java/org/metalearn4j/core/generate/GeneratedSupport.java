package org.metalearn4j.core.generate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.metalearn4j.core.dataset.DatasetException;
import org.metalearn4j.core.task.Examples;
import org.metalearn4j.core.task.Seeds;
import org.metalearn4j.core.task.Task;
import org.metalearn4j.core.task.TaskSource;
import org.metalearn4j.core.task.TaskType;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

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
        int[] labels = task.support().y().castTo(DataType.INT).toIntVector();
        List<List<Integer>> rows = rowsByClass(labels, ways, task.domain());
        int shots = rows.get(0).size();
        INDArray x = task.support().x().castTo(DataType.FLOAT);
        long[] example = Arrays.copyOfRange(x.shape(), 1, x.rank());
        if (shots < generator.minShots() || shots > generator.maxShots()) {
            throw new DatasetException(task.domain() + ": episodes have " + shots + " support examples per class, but"
                    + " the generator was trained on " + generator.minShots() + " to " + generator.maxShots());
        }
        if (!Arrays.equals(example, generator.exampleShape())) {
            throw new DatasetException(task.domain() + ": examples have shape " + Arrays.toString(example)
                    + ", the generator makes " + Arrays.toString(generator.exampleShape()));
        }
        long[] supportShape = new long[example.length + 2];
        supportShape[0] = ways;
        supportShape[1] = shots;
        System.arraycopy(example, 0, supportShape, 2, example.length);
        INDArray supports = Nd4j.create(DataType.FLOAT, supportShape);
        for (int c = 0; c < ways; c++) {
            for (int k = 0; k < shots; k++) {
                supports.get(NDArrayIndex.point(c), NDArrayIndex.point(k)).assign(x.get(NDArrayIndex.point(
                        rows.get(c).get(k))));
            }
        }
        INDArray generated = generator.generate(supports, perClass, Seeds.derive(seed ^ STREAM, ways, shots));
        int per = shots + perClass;
        long[] outShape = x.shape();
        outShape[0] = (long) ways * per;
        INDArray outX = Nd4j.create(DataType.FLOAT, outShape);
        long[] outY = new long[ways * per];
        for (int c = 0; c < ways; c++) {
            for (int k = 0; k < per; k++) {
                INDArray row = k < shots ? supports.get(NDArrayIndex.point(c), NDArrayIndex.point(k))
                        : generated.get(NDArrayIndex.point(c), NDArrayIndex.point(k - shots));
                outX.get(NDArrayIndex.point((long) c * per + k)).assign(row);
                outY[c * per + k] = c;
            }
        }
        return new Task(new Examples(outX, Nd4j.createFromArray(outY)), task.query(), task.type(), ways, per,
                task.domain());
    }

    /** Support row indices of each class; every class must have the same number of examples. */
    private static List<List<Integer>> rowsByClass(int[] labels, int ways, String domain) {
        List<List<Integer>> rows = new ArrayList<>();
        for (int c = 0; c < ways; c++) {
            rows.add(new ArrayList<>());
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= ways) {
                throw new DatasetException(domain + ": support label " + labels[i] + " at row " + i
                        + " is outside [0, " + ways + ")");
            }
            rows.get(labels[i]).add(i);
        }
        for (int c = 0; c < ways; c++) {
            if (rows.get(c).size() != rows.get(0).size() || rows.get(c).isEmpty()) {
                throw new DatasetException(domain + ": generated support examples need the same number of support"
                        + " examples in every class, class 0 has " + rows.get(0).size() + " and class " + c + " has "
                        + rows.get(c).size());
            }
        }
        return rows;
    }
}

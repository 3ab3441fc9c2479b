package org.metalearn4j.datasets.completion;

import java.util.SplittableRandom;
import org.metalearn4j.core.dataset.ClassStore;
import org.metalearn4j.core.task.Examples;
import org.metalearn4j.core.task.Task;
import org.metalearn4j.core.task.TaskSource;
import org.metalearn4j.core.task.TaskType;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Completion tasks over the images of a {@link ClassStore} (one channel, {@code [1, H, W]}, intensities in [0, 1]):
 * a seed picks one image uniformly among all of them and a random order of its pixels; the first pixels are the
 * context (support set) and the next ones the query set. Inputs are {@link #coordinates} {@code [n, 2]}, targets the
 * intensities {@code [n, 1]}, float32.
 */
public final class PixelTasks implements TaskSource {
    private final ClassStore images;
    private final int height;
    private final int width;
    private final int shot;
    private final int query;
    private final int minContext;
    private final String domain;
    private final int[] firstOfClass;

    /**
     * @param shot       context pixels, or the largest context when {@code minContext > 0}
     * @param query      query pixels (with {@code minContext > 0}: the task has {@code shot + query} pixels in all)
     * @param minContext 0 for a fixed context size, else the smallest
     */
    public PixelTasks(ClassStore images, int shot, int query, int minContext, String domain) {
        long[] shape = images.exampleShape();
        if (shape.length != 3 || shape[0] != 1) {
            throw new IllegalArgumentException(domain + ": image completion needs one-channel images [1, H, W], got "
                    + java.util.Arrays.toString(shape));
        }
        this.height = Math.toIntExact(shape[1]);
        this.width = Math.toIntExact(shape[2]);
        if (shot < 1 || query < 1 || shot + query > height * width) {
            throw new IllegalArgumentException(domain + ": shot + query pixels must be between 2 and the " + height
                    + "x" + width + " = " + height * width + " pixels of an image, got shot " + shot + " and query "
                    + query);
        }
        if (minContext < 0 || minContext > shot) {
            throw new IllegalArgumentException(domain + ": minContext " + minContext + " must be in [0, shot = "
                    + shot + "]");
        }
        this.images = images;
        this.shot = shot;
        this.query = query;
        this.minContext = minContext;
        this.domain = domain;
        this.firstOfClass = new int[images.classes() + 1];
        for (int c = 0; c < images.classes(); c++) {
            firstOfClass[c + 1] = firstOfClass[c] + images.count(c);
        }
    }

    @Override
    public Task sample(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] image = image(random.nextInt(firstOfClass[firstOfClass.length - 1]));
        int total = shot + query;
        int[] order = new int[height * width];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        for (int i = 0; i < total; i++) {
            int j = i + random.nextInt(order.length - i);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int context = minContext == 0 ? shot : minContext + random.nextInt(shot - minContext + 1);
        return new Task(pixels(image, order, 0, context), pixels(image, order, context, total), TaskType.REGRESSION, 1,
                context, domain);
    }

    /** Image number {@code index} over all classes, as {@code H * W} row-major intensities. */
    private float[] image(int index) {
        int c = 0;
        while (firstOfClass[c + 1] <= index) {
            c++;
        }
        return images.example(c, index - firstOfClass[c]);
    }

    private Examples pixels(float[] image, int[] order, int from, int to) {
        int n = to - from;
        float[] xy = new float[2 * n];
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            int p = order[from + i];
            xy[2 * i] = coordinate(p / width, height);
            xy[2 * i + 1] = coordinate(p % width, width);
            v[i] = image[p];
        }
        return new Examples(Nd4j.create(xy, new long[] {n, 2}, DataType.FLOAT),
                Nd4j.create(v, new long[] {n, 1}, DataType.FLOAT));
    }

    /** Every pixel's input {@code [row, column]} scaled to [-1, 1], row-major: {@code [height * width, 2]}. */
    public static float[][] coordinates(int height, int width) {
        float[][] out = new float[height * width][];
        for (int p = 0; p < out.length; p++) {
            out[p] = new float[] {coordinate(p / width, height), coordinate(p % width, width)};
        }
        return out;
    }

    private static float coordinate(int index, int size) {
        return size == 1 ? 0f : 2f * index / (size - 1) - 1f;
    }
}

package org.metalearn4j.examples.model;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.ImageIO;
import org.metalearn4j.core.checkpoint.CheckpointStore;
import org.metalearn4j.core.config.ConfigBinder;
import org.metalearn4j.core.config.ConfigLoader;
import org.metalearn4j.core.config.ConfigMappers;
import org.metalearn4j.core.config.RunConfig;
import org.metalearn4j.core.dataset.Dataset;
import org.metalearn4j.core.learner.Learner;
import org.metalearn4j.core.learner.Prediction;
import org.metalearn4j.core.learner.ProbabilisticPredictor;
import org.metalearn4j.core.plugin.PluginRegistry;
import org.metalearn4j.core.task.EpisodeSpec;
import org.metalearn4j.core.task.Examples;
import org.metalearn4j.core.task.Seeds;
import org.metalearn4j.core.task.Task;
import org.metalearn4j.core.task.TaskSource;
import org.metalearn4j.core.task.TaskType;
import org.metalearn4j.core.train.RunComponents;
import org.metalearn4j.core.train.TrainingCheckpoint;
import org.metalearn4j.datasets.completion.ImageCompletionConfig;
import org.metalearn4j.datasets.completion.ImageCompletionProvider;
import org.metalearn4j.datasets.completion.PixelTasks;
import org.metalearn4j.examples.Components;
import org.metalearn4j.examples.MainOptions;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * A picture of neural-process image completions: one row per meta-test image, showing the image, then for 10, 50 and
 * 200 random context pixels the context (unseen pixels blue), the predicted mean and the predicted standard deviation
 * of every pixel. The model comes from a {@code metalearn train} run directory of the {@code image-completion} data
 * set ({@code --checkpoint RUN_DIR}, e.g. of {@code examples/configs/image-completion-np.yaml}), or is trained here on
 * {@code --source} for {@code --seconds} (contexts of 10 to 200 pixels, 100 query pixels, meta-batch 16).
 *
 * <pre>
 * java -cp "examples/target/classes:$(cat examples/target/classpath.txt)" \
 *   org.metalearn4j.examples.model.CompletionPicture --checkpoint runs/completion --out completions.png
 * </pre>
 */
public final class CompletionPicture {
    private static final int[] CONTEXTS = {10, 50, 200};
    private static final int SCALE = 3;

    private CompletionPicture() {
    }

    public static void main(String[] argv) throws IOException {
        MainOptions args = new MainOptions(argv, Map.of("checkpoint", "", "learner", "np", "source", "fashion-mnist",
                "seconds", "600", "images", "6", "seed", "1", "out", "target/completions.png"));
        Learner learner;
        ImageCompletionConfig images;
        if (args.string("checkpoint").isEmpty()) {
            String params = "{\"source\":\"" + args.string("source") + "\",\"minContext\":10}";
            images = ConfigBinder.bindParams(new ImageCompletionProvider(), ConfigMappers.readJson(params, "--source"),
                    "dataset.params", null);
            Dataset data = Components.dataset(ImageCompletionProvider.NAME, params);
            TaskSource train = data.episodes("meta-train", new EpisodeSpec(1, 200, 100));
            learner = Components.learner(args.string("learner"), "", Components.context(data, train, 1, 1));
            BudgetedTraining.train(args.string("learner"), learner, train, 16, args.number("seconds"),
                    Integer.MAX_VALUE, 1, Path.of(args.string("out") + ".checkpoints"));
        } else {
            var loaded = new CheckpointStore(Path.of(args.string("checkpoint")), 1).latestGood().orElseThrow(
                    () -> new IllegalArgumentException("--checkpoint: no checkpoint in " + args.string("checkpoint")));
            RunConfig run = ConfigLoader.fromJson(loaded.checkpoint().configJson(), loaded.file().toString());
            if (!run.dataset().name().equals(ImageCompletionProvider.NAME)) {
                throw new IllegalArgumentException("--checkpoint: " + loaded.file() + " was trained on "
                        + run.dataset().name() + ", not " + ImageCompletionProvider.NAME);
            }
            images = ConfigBinder.bindParams(new ImageCompletionProvider(), run.dataset().params(), "dataset.params",
                    loaded.file().toString());
            RunComponents components = RunComponents.open(run, PluginRegistry.classpath(), loaded.file().toString());
            learner = components.learner();
            String file = loaded.file().toString();
            TrainingCheckpoint.load(learner, TrainingCheckpoint.learnerState(loaded.checkpoint(), file), file);
        }
        int side = images.imageSize();
        // the training data may draw context sizes; the picture needs every pixel, the first 200 as the context
        Dataset whole = new ImageCompletionProvider().open(new ImageCompletionConfig(images.source(), images.path(),
                side, 0));
        TaskSource test = whole.episodes("meta-test", new EpisodeSpec(1, CONTEXTS[CONTEXTS.length - 1],
                side * side - CONTEXTS[CONTEXTS.length - 1]));
        int rows = args.integer("images");
        int panels = 1 + 3 * CONTEXTS.length;
        BufferedImage out = new BufferedImage(panels * side * SCALE, rows * side * SCALE, BufferedImage.TYPE_INT_RGB);
        INDArray grid = Nd4j.createFromArray(PixelTasks.coordinates(side, side));
        for (int row = 0; row < rows; row++) {
            Task task = test.sample(Seeds.derive(args.integer("seed"), row));
            drawPixels(out, 0, row, side, task.support());
            drawPixels(out, 0, row, side, task.query());
            int panel = 1;
            for (int n : CONTEXTS) {
                Examples context = new Examples(task.support().x().get(NDArrayIndex.interval(0, n)).dup(),
                        task.support().y().get(NDArrayIndex.interval(0, n)).dup());
                Prediction p = ((ProbabilisticPredictor) learner.adapter().adapt(context, TaskType.REGRESSION, 1))
                        .distribution(grid);
                unseen(out, panel, row, side);
                drawPixels(out, panel++, row, side, context);
                draw(out, panel++, row, side, p.mean(), 1, false);
                draw(out, panel++, row, side, p.std(), p.std().maxNumber().doubleValue(), true);
            }
        }
        Path file = Path.of(args.string("out"));
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        ImageIO.write(out, "png", file.toFile());
        System.out.println("wrote " + file + ": " + rows + " images; columns: image, then for 10, 50, 200 context"
                + " pixels the context, the predicted mean and the predicted std");
    }

    /** Values in [0, scale] as gray levels, or yellowish for standard deviations (relative to their maximum). */
    private static void draw(BufferedImage out, int panel, int row, int side, INDArray values, double scale,
                             boolean std) {
        double[] v = values.reshape(values.length()).toDoubleVector();
        for (int p = 0; p < v.length; p++) {
            int g = (int) Math.round(255 * Math.max(0, Math.min(1, v[p] / scale)));
            fill(out, panel, row, side, p / side, p % side, std ? (g << 16) | (g << 8) | (g / 2)
                    : (g << 16) | (g << 8) | g);
        }
    }

    /** A blue panel: every pixel unseen. */
    private static void unseen(BufferedImage out, int panel, int row, int side) {
        for (int r = 0; r < side; r++) {
            for (int c = 0; c < side; c++) {
                fill(out, panel, row, side, r, c, 0x000080);
            }
        }
    }

    /** The given pixels (coordinates and intensities) in gray. */
    private static void drawPixels(BufferedImage out, int panel, int row, int side, Examples context) {
        double[][] xy = context.x().toDoubleMatrix();
        double[] v = context.y().reshape(context.size()).toDoubleVector();
        for (int i = 0; i < xy.length; i++) {
            int r = (int) Math.round((xy[i][0] + 1) / 2 * (side - 1));
            int c = (int) Math.round((xy[i][1] + 1) / 2 * (side - 1));
            int g = (int) Math.round(255 * Math.max(0, Math.min(1, v[i])));
            fill(out, panel, row, side, r, c, (g << 16) | (g << 8) | g);
        }
    }

    private static void fill(BufferedImage out, int panel, int row, int side, int r, int c, int rgb) {
        for (int dy = 0; dy < SCALE; dy++) {
            for (int dx = 0; dx < SCALE; dx++) {
                out.setRGB((panel * side + c) * SCALE + dx, (row * side + r) * SCALE + dy, rgb);
            }
        }
    }
}

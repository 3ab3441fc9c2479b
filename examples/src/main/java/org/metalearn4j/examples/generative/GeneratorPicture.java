package org.metalearn4j.examples.generative;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.metalearn4j.core.dataset.Dataset;
import org.metalearn4j.core.generate.ExampleGenerator;
import org.metalearn4j.core.generate.GeneratorRun;
import org.metalearn4j.core.plugin.PluginRegistry;
import org.metalearn4j.core.task.ClassSets;
import org.metalearn4j.core.task.EpisodeSpec;
import org.metalearn4j.core.task.Task;
import org.metalearn4j.examples.Components;
import org.metalearn4j.examples.MainOptions;
import org.metalearn4j.examples.plot.FigureFile;
import org.metalearn4j.examples.plot.ImageGrid;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The few-shot generator's picture for BENCHMARKS.md: {@code --characters} characters of {@code omniglot-small}
 * meta-test (alphabets the generator never saw), one per row: their {@code --support} support images, a gap, then
 * {@code --samples} generated images, written as one PNG or SVG (by {@code --out}'s extension, {@code --scale} pixels
 * per image pixel). The characters are the classes of one seeded meta-test episode, so the picture is reproducible.
 *
 * <pre>
 * java -cp "examples/target/classes:$(cat examples/target/classpath.txt)" \
 *   org.metalearn4j.examples.generative.GeneratorPicture --generator runs/ns --out generated-characters.png
 * </pre>
 */
public final class GeneratorPicture {
    private static final int GAP = 1;

    private GeneratorPicture() {
    }

    public static void main(String[] args) {
        MainOptions a = new MainOptions(args, Map.of("generator", "", "characters", "10", "support", "5",
                "samples", "20", "seed", "20261123", "scale", "2", "split", "meta-test",
                "out", "target/generated-characters.png"));
        if (a.string("generator").isEmpty()) {
            throw new IllegalArgumentException("--generator: expected the run directory or checkpoint of a trained"
                    + " few-shot generator");
        }
        GeneratorRun run = GeneratorRun.load(Path.of(a.string("generator")), PluginRegistry.classpath(),
                "--generator");
        ExampleGenerator generator = run.generator();
        int characters = a.integer("characters");
        int support = a.integer("support");
        int samples = a.integer("samples");
        long seed = Long.parseLong(a.string("seed"));
        Dataset data = Components.dataset("omniglot-small", "");
        Task task = data.episodes(a.string("split"), new EpisodeSpec(characters, support, 1)).sample(seed);
        INDArray supports = ClassSets.of(task.support(), null, characters, DataType.FLOAT, task.domain());
        INDArray generated = generator.generate(supports, samples, seed);

        int side = Math.toIntExact(generator.exampleShape()[1]);
        int columns = support + GAP + samples;
        ImageGrid grid = new ImageGrid(null, columns);
        double[] paper = new double[side * side];
        Arrays.fill(paper, 1);
        BufferedImage blank = ImageGrid.gray(paper, side, side);
        for (int c = 0; c < characters; c++) {
            for (int k = 0; k < support; k++) {
                grid.add(image(supports, c, k, side), null);
            }
            for (int g = 0; g < GAP; g++) {
                grid.add(blank, null);
            }
            for (int s = 0; s < samples; s++) {
                grid.add(image(generated, c, s, side), null);
            }
        }
        Path out = Path.of(a.string("out"));
        // each cell holds the image and a padding of 6 pixels (the grid's own)
        int cell = side * a.integer("scale") + 6;
        FigureFile.write(grid, out, columns * cell + 6, characters * cell + 6);
        System.out.printf("{\"picture\":\"%s\",\"characters\":%d,\"support\":%d,\"samples\":%d,\"checkpoint\":\"%s\","
                        + "\"iteration\":%d,\"split\":\"%s\",\"seed\":%d}%n", out, characters, support, samples,
                run.source().file(), run.source().checkpoint().iteration(), a.string("split"), seed);
    }

    /** Ink (1 = black stroke) as a grey image (1 = white). */
    private static BufferedImage image(INDArray batch, int c, int i, int side) {
        INDArray ink = batch.get(NDArrayIndex.point(c), NDArrayIndex.point(i)).reshape(side * side);
        return ImageGrid.gray(ink.rsub(1).castTo(DataType.DOUBLE).toDoubleVector(), side, side);
    }
}

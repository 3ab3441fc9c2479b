package org.metalearn4j.examples.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.metalearn4j.core.backend.Backend;
import org.metalearn4j.core.config.ConfigMappers;
import org.metalearn4j.core.generate.ExampleGenerator;
import org.metalearn4j.core.config.RunConfig;
import org.metalearn4j.core.generate.GeneratorRun;
import org.metalearn4j.core.model.ModelFile;
import org.metalearn4j.core.plugin.BackendSelector;
import org.metalearn4j.core.spi.ConfigException;
import org.metalearn4j.examples.generative.InkPng;
import org.metalearn4j.examples.generative.SampleSpread;
import org.metalearn4j.examples.generative.SupportImages;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code metalearn generate}: new images of a character from a few of its images, by a trained few-shot generator. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Samples new images of one character from the K images of it in a support directory, with "
                + "the generator a training run learned (the newest good checkpoint of a run directory, or one "
                + "checkpoint file; a learner such as neural-statistician). Writes sample-000.png, sample-001.png, "
                + "... into the output directory (dark strokes on white, like Omniglot) and prints one JSON line.",
                "Support images: every *.png in the directory, of the generator's size or Omniglot's original "
                + "105x105 pixels; K must be within the range the generator was trained on. Existing files are "
                + "never replaced without --overwrite. A generator whose samples are all identical (collapsed) is "
                + "reported and nothing is written."},
        footerHeading = "%nExample:%n",
        footer = {"  ./metalearn train examples/configs/omniglot-neural-statistician.yaml \\",
                "      --out runs/ns",
                "  ./metalearn generate runs/ns --support my-character/ --count 20 --out samples/"})
final class GenerateCommand implements Callable<Integer> {
    private final Console console;

    @Parameters(paramLabel = "RUN_DIR_OR_CHECKPOINT", description = "A generator's run directory or checkpoint file.")
    Path target;

    @Option(names = "--support", paramLabel = "DIR", required = true,
            description = "Directory of the K support images (*.png) of one character.")
    Path support;

    @Option(names = "--count", paramLabel = "N", required = true, description = "How many images to generate.")
    int count;

    @Option(names = "--out", paramLabel = "DIR", required = true,
            description = "Where the images go (created if missing).")
    Path out;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
            description = "Seed of the samples (default: ${DEFAULT-VALUE}); the same seed gives the same images.")
    long seed;

    @Option(names = "--overwrite", description = "Replace existing sample files in the output directory.")
    boolean overwrite;

    @Mixin
    PluginsDirOption plugins;

    GenerateCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        if (count < 1) {
            throw new ConfigException("--count", "expected at least 1 image, got " + count);
        }
        List<Path> files = outputFiles();
        ModelFile source = ModelFile.read(target, "RUN_DIR_OR_CHECKPOINT");
        source.skipped().forEach(reason -> console.err().println("warning: " + reason
                + "; using the previous good checkpoint"));
        Optional<RunConfig> trained = source.trainingConfig();
        try (Session session = Session.open(plugins.orElse(trained.map(RunConfig::pluginsDir).orElse(null)),
                console.err())) {
            Backend backend = BackendSelector.select(session.registry(), trained.map(RunConfig::backend)
                    .orElse("auto"));
            backend.activate();
            ExampleGenerator generator = GeneratorRun.load(source, session.registry(), "RUN_DIR_OR_CHECKPOINT")
                    .generator();
            long[] shape = generator.exampleShape();
            if (shape.length != 3 || shape[0] != 1 || shape[1] != shape[2]) {
                throw new ConfigException("RUN_DIR_OR_CHECKPOINT", source.file() + " generates examples of shape "
                        + Arrays.toString(shape) + "; generate writes square one-channel images only");
            }
            int side = Math.toIntExact(shape[1]);
            SupportImages images;
            try {
                images = SupportImages.read(support, side);
            } catch (IllegalArgumentException e) {
                throw new ConfigException("--support", e.getMessage(), e);
            }
            int k = images.files().size();
            if (k < generator.minShots() || k > generator.maxShots()) {
                throw new ConfigException("--support", support + " holds " + k + " image" + (k == 1 ? "" : "s")
                        + ", but the generator was trained to condition on " + generator.minShots() + " to "
                        + generator.maxShots());
            }
            long start = System.nanoTime();
            INDArray samples = generator.generateOne(images.images(), count, seed);
            double seconds = (System.nanoTime() - start) / 1e9;
            if (count > 1) {
                SampleSpread spread = SampleSpread.of(samples);
                if (spread.collapsed()) {
                    throw new IllegalStateException("the generator of " + source.file() + " has collapsed: all "
                            + count + " samples are the same image (largest pixel difference " + String.format(
                            "%.2g", spread.largestRange()) + " of 1); nothing was written. Train it longer or with"
                            + " other settings, and check its loss in the run's metrics.jsonl");
                }
            }
            for (int i = 0; i < count; i++) {
                InkPng.write(samples.get(NDArrayIndex.point(i)).reshape(side * side).toFloatVector(), side, side,
                        files.get(i));
            }
            ObjectNode json = ConfigMappers.plain().createObjectNode()
                    .put("written", count)
                    .put("out", out.toString())
                    .put("support", k)
                    .put("seed", seed)
                    .put("checkpoint", source.file().toString())
                    .put("iteration", source.checkpoint().iteration())
                    .put("imagesPerSecond", count / Math.max(seconds, 1e-9));
            console.out().println(json);
            return 0;
        }
    }

    /** The files to write, checked before anything is generated so a refusal costs nothing. */
    private List<Path> outputFiles() {
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new ConfigException("--out", out + " exists and is not a directory");
        }
        int digits = Math.max(3, String.valueOf(count - 1).length());
        List<Path> files = new ArrayList<>();
        List<Path> existing = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Path file = out.resolve(String.format("sample-%0" + digits + "d.png", i));
            files.add(file);
            if (Files.exists(file)) {
                existing.add(file);
            }
        }
        if (!existing.isEmpty() && !overwrite) {
            String which = existing.size() == 1 ? existing.get(0) + " already exists"
                    : existing.get(0) + " and " + (existing.size() - 1) + " more sample files already exist";
            throw new ConfigException("--out", which + "; add --overwrite to replace them, or choose another --out");
        }
        return files;
    }
}

package org.metalearn4j.examples.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.metalearn4j.core.config.ConfigMappers;
import org.metalearn4j.core.spi.ConfigException;
import org.metalearn4j.core.train.Trainer;
import org.metalearn4j.examples.plot.FigureFile;
import org.metalearn4j.examples.plot.TrainingCurves;
import org.metalearn4j.examples.runs.PipelineRun;
import org.metalearn4j.examples.runs.TrainingHistory;
import org.metalearn4j.examples.runs.TrainingRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code metalearn plot}: training curves and evaluations of run directories as a PNG or SVG file. */
@Command(name = "plot", mixinStandardHelpOptions = true,
        description = {"Draws the training loss and the training accuracy (or MSE) of one or more training runs "
                + "against the iteration, with every evaluation as a point with its 95%% confidence interval, into a "
                + "PNG or SVG file. Runs are read from their metrics.jsonl, also while they train; damaged lines are "
                + "reported on stderr and skipped. Several runs are overlaid, one colour each.",
                "For a live view in the browser: metalearn dashboard"},
        footerHeading = "%nExample:%n",
        footer = {"  ./metalearn plot runs/proto --out proto.png",
                "  ./metalearn plot runs/proto runs/maml --out compare.svg"})
final class PlotCommand implements Callable<Integer> {
    private final Console console;

    @Parameters(paramLabel = "RUN", arity = "1..*", description = "Training run directories (metalearn train --out).")
    List<Path> runs;

    @Option(names = "--out", paramLabel = "FILE", required = true,
            description = "The figure to write: FILE.png or FILE.svg (its directory is created).")
    Path out;

    @Option(names = "--width", paramLabel = "PX", defaultValue = "1200", description = "Width (default 1200).")
    int width;

    @Option(names = "--height", paramLabel = "PX", defaultValue = "800", description = "Height (default 800).")
    int height;

    PlotCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        FigureFile.Format.of(out);
        Map<String, TrainingHistory> histories = new LinkedHashMap<>();
        ObjectNode summary = ConfigMappers.plain().createObjectNode();
        ArrayNode shown = summary.putArray("runs");
        for (Path dir : runs) {
            TrainingRun run = TrainingRun.read(check(dir));
            run.problems().forEach(p -> console.err().println("warning: " + p));
            histories.put(label(dir, histories), run.history());
            shown.addObject().put("run", dir.toString()).put("steps", run.history().steps().size())
                    .put("evaluations", run.history().evals().size());
        }
        try {
            FigureFile.write(TrainingCurves.of(histories), out, width, height);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("RUN", e.getMessage());
        }
        console.out().println(summary.put("out", out.toString()));
        return 0;
    }

    private static Path check(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new ConfigException("RUN", "run directory " + dir + (Files.exists(dir) ? " is not a directory"
                    : " does not exist"));
        }
        if (!Files.isRegularFile(dir.resolve(Trainer.METRICS_FILE))) {
            throw new ConfigException("RUN", dir + " has no " + Trainer.METRICS_FILE + ": "
                    + (PipelineRun.isPipelineRun(dir) ? "it is a pipeline run, and plot draws training runs"
                    : "give a training run directory (metalearn train --out DIR)"));
        }
        return dir;
    }

    /** The run directory's name, or its whole path when another run has the same name. */
    private static String label(Path dir, Map<String, ?> taken) {
        String name = dir.toAbsolutePath().normalize().getFileName().toString();
        return taken.containsKey(name) ? dir.toString() : name;
    }
}

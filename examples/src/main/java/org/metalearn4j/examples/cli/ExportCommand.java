package org.metalearn4j.examples.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.metalearn4j.core.config.ConfigMappers;
import org.metalearn4j.core.model.ModelDescription;
import org.metalearn4j.core.model.ModelFile;
import org.metalearn4j.core.model.NpzExport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code metalearn export}: a model's weights as NumPy {@code .npz} with a JSON description, for other languages. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Writes the weights of a model (a run's newest good checkpoint, a pipeline stage's artifact or "
                + "any model file) as a NumPy .npz "
                + "file, one array per parameter and batch-norm statistic (optimizer state left out), and beside it "
                + "FILE.json: the learner, its parameters, input shape and preprocessing, every array's shape and "
                + "type, and the provenance. Read it with numpy.load(\"FILE.npz\").",
                "Prints one JSON line naming the files written."},
        footerHeading = "%nExample:%n",
        footer = {"  ./metalearn export runs/proto --format npz --out proto.npz",
                "  ./metalearn export runs/proto/checkpoints/ckpt-00000200.ml4j --out p200.npz",
                "  ./metalearn export runs/pipe/1-meta-train --out learner.npz"})
final class ExportCommand implements Callable<Integer> {
    /** The export formats. */
    enum Format { npz }

    private final Console console;

    @Parameters(paramLabel = "MODEL",
            description = "A run directory (its newest good checkpoint), a pipeline stage directory or a model file.")
    Path model;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "npz",
            description = "The file format: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--out", paramLabel = "FILE", required = true,
            description = "The .npz file to write (FILE.json goes beside it; its directory is created).")
    Path out;

    @Mixin
    PluginsDirOption plugins;

    ExportCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        ModelFile file = ModelFile.read(model);
        ModelDescription description = file.checkpoint().model();
        if (description == null) {
            // Written before model descriptions were recorded: rebuilding it reads the run's data set once.
            String pluginsDir = file.runConfig().pluginsDir();
            try (Session session = Session.open(plugins.orElse(pluginsDir), console.err())) {
                description = file.load(session.registry()).description();
            }
        }
        NpzExport.Written written = NpzExport.write(file.checkpoint(), description, file.file().toString(), out);
        console.out().println(ConfigMappers.plain().createObjectNode()
                .put("npz", written.npz().toString())
                .put("json", written.json().toString())
                .put("arrays", written.arrays())
                .put("checkpoint", file.file().toString())
                .put("iteration", file.checkpoint().iteration())
                .put("format", format.name()));
        return 0;
    }
}

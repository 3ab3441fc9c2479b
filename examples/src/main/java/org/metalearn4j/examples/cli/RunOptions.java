package org.metalearn4j.examples.cli;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import org.metalearn4j.core.spi.ConfigException;
import org.metalearn4j.core.tensor.Autograd;
import org.metalearn4j.core.tensor.Scope;
import picocli.CommandLine.Option;

/**
 * The options of a command that runs long and can be interrupted ({@code train}, {@code pipeline}), shared as a
 * picocli mixin: where it writes, whether it continues an earlier run, and whether it draws progress bars.
 */
final class RunOptions {
    @Option(names = "--out", paramLabel = "DIR",
            description = "Run directory (default: a new one under runs/ named for the run and the time). Must not "
                    + "hold an earlier run's results.")
    Path out;

    @Option(names = "--resume", paramLabel = "DIR",
            description = "Continue the run in DIR where it stopped, reusing what it finished.")
    Path resume;

    @Option(names = "--no-progress", description = "Instead of progress bars redrawn in place, print a progress line "
            + "at each tenth of a task and at least once a minute (as when stderr is not a terminal).")
    boolean noProgress;

    @Option(names = "--check-numerics",
            description = "Check the result of every op for NaN and Inf and name the first op that produces one "
                    + "(slower; without it a NaN or Inf loss or parameter still stops the run, naming the iteration).")
    boolean checkNumerics;

    /**
     * The run directory: {@code --resume}'s, else {@code --out}, else {@code runs/<name>-<yyyyMMdd-HHmmss>}.
     *
     * @throws ConfigException if {@code --out} and {@code --resume} name different directories
     */
    Path runDir(String name) {
        if (out != null && resume != null && !out.equals(resume)) {
            throw new ConfigException("out", "--out " + out + " and --resume " + resume + " name different "
                    + "directories; --resume continues in its own directory");
        }
        if (resume != null) {
            return resume;
        }
        return out != null ? out : Path.of("runs", name + "-"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
    }

    boolean resuming() {
        return resume != null;
    }

    boolean showProgress() {
        return !noProgress;
    }

    /** {@code Autograd.checkNumerics()} while the command runs, if asked for; a no-op scope otherwise. */
    Scope numericsCheck() {
        return checkNumerics ? Autograd.checkNumerics() : () -> { };
    }
}

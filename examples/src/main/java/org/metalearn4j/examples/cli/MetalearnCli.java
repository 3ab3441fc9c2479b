package org.metalearn4j.examples.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.metalearn4j.core.spi.ConfigException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/**
 * The {@code metalearn} command line. Exit codes: 0 success, 2 bad usage or configuration, 1 runtime failure; a
 * failure prints one line starting with {@code error:} (set {@code METALEARN_DEBUG=1} for the stack trace).
 */
@Command(name = "metalearn", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Meta-learning and transfer learning on the JVM.",
        subcommands = {TrainCommand.class, EvalCommand.class, GenerateCommand.class, PipelineCommand.class,
                DashboardCommand.class, PlotCommand.class, ExportCommand.class, ServeCommand.class,
                PluginsCommand.class, BackendsCommand.class, DatasetsCommand.class, ConfigCommand.class, WorkerCommand.class,
                ClusterCommand.class, CommandLine.HelpCommand.class},
        footerHeading = "%nExample:%n",
        footer = {"  ./metalearn train examples/configs/omniglot-protonet.yaml --out runs/protonet",
                "  ./metalearn eval runs/protonet --way 5 --shot 1"})
public final class MetalearnCli {
    /** Exit code for bad usage or configuration. */
    public static final int USAGE = 2;
    /** Exit code for a failure while running. */
    public static final int FAILURE = 1;

    private MetalearnCli() {
    }

    public static void main(String[] args) {
        System.exit(run(Console.system(), args));
    }

    /** Runs one command in-process with the given streams (not a terminal); returns the exit code. */
    public static int run(PrintStream out, PrintStream err, String... args) {
        return run(new Console(out, err), args);
    }

    private static int run(Console console, String... args) {
        CommandLine cli = commandLine(console);
        cli.setOut(new PrintWriter(console.out(), true, StandardCharsets.UTF_8));
        cli.setErr(new PrintWriter(console.err(), true, StandardCharsets.UTF_8));
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> report(e, commandLine.getErr()));
        try {
            return cli.execute(args);
        } catch (Error e) {
            // Errors (out of memory, a plugin's linkage error) pass through picocli's exception handler.
            return report(e, cli.getErr());
        }
    }

    private static int report(Throwable e, PrintWriter err) {
        err.println("error: " + ErrorReport.line(e));
        if (System.getenv("METALEARN_DEBUG") != null) {
            e.printStackTrace(err);
        }
        err.flush();
        return ErrorReport.exitCode(e);
    }

    /** The command tree, its commands writing to {@code console}. */
    static CommandLine commandLine(Console console) {
        return new CommandLine(MetalearnCli.class, new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                // Commands get the console through their constructor; everything else as picocli makes it.
                try {
                    var ctor = type.getDeclaredConstructor(Console.class);
                    return ctor.newInstance(console);
                } catch (NoSuchMethodException e) {
                    return CommandLine.defaultFactory().create(type);
                }
            }
        });
    }
}

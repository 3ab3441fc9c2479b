package org.metalearn4j.examples.cli;

import java.util.concurrent.Callable;
import org.metalearn4j.core.config.ConfigBinder;
import org.metalearn4j.core.dataset.Dataset;
import org.metalearn4j.core.dataset.DatasetProvider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code metalearn datasets}: every data set provider, where it came from, and with --check whether it opens. */
@Command(name = "datasets", mixinStandardHelpOptions = true,
        description = "Lists the data sets found, the JAR each came from and its default parameters. With --check, "
                + "opens each with its defaults and shows its splits, or why it is unavailable (e.g. missing files).",
        footerHeading = "%nExample:%n", footer = "  ./metalearn datasets --check")
final class DatasetsCommand implements Callable<Integer> {
    private final Console console;

    @Mixin
    PluginsDirOption plugins;

    @Option(names = "--check", description = "Open every data set with its defaults to report availability.")
    boolean check;

    DatasetsCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        try (Session session = Session.open(plugins.dir, console.err())) {
            for (DatasetProvider<?> p : session.registry().datasets()) {
                console.out().printf("%-22s %-36s %s%n", p.name(), session.registry().origin(p), p.description());
                console.out().println("    defaults: " + ConfigBinder.toTree(p.defaults()));
                console.out().println("    " + (check ? availability(p)
                        : "availability: not checked (--check opens it with its defaults, which may load files)"));
            }
            return 0;
        }
    }

    private static <C extends Record> String availability(DatasetProvider<C> p) {
        try {
            Dataset d = p.open(p.defaults());
            return "available: " + d.type().name().toLowerCase(java.util.Locale.ROOT) + ", splits " + d.splits()
                    + ", input " + java.util.Arrays.toString(d.inputShape());
        } catch (RuntimeException e) {
            return "unavailable: " + e.getMessage();
        }
    }
}

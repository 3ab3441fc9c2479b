package org.metalearn4j.examples.cli;

import java.util.concurrent.Callable;
import org.metalearn4j.core.plugin.PluginRegistry;
import org.metalearn4j.core.spi.Provider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code metalearn plugins}: every provider found, by kind, with the JAR it came from; then what was skipped. */
@Command(name = "plugins", mixinStandardHelpOptions = true,
        description = "Lists the learners, data sets, pipeline stages and backends found on the class path "
                + "and in the plugins directory, with the JAR each came from, and every plugin JAR that was skipped "
                + "and why.",
        footerHeading = "%nExample:%n", footer = "  ./metalearn plugins --plugins-dir plugins/")
final class PluginsCommand implements Callable<Integer> {
    private final Console console;

    @Mixin
    PluginsDirOption plugins;

    PluginsCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        try (Session session = Session.open(plugins.dir, console.err())) {
            PluginRegistry r = session.registry();
            TextTable table = new TextTable().row("KIND", "NAME", "RANK", "ORIGIN", "DESCRIPTION");
            r.learners().forEach(p -> row(table, "learner", p, r));
            r.datasets().forEach(p -> row(table, "dataset", p, r));
            r.stages().forEach(p -> row(table, "stage", p, r));
            r.backbones().forEach(p -> row(table, "backbone", p, r));
            r.optimizers().forEach(p -> row(table, "optimizer", p, r));
            r.backends().forEach(b -> table.row("backend", b.name(), b.rank(), r.origin(b),
                    b.availability().available() ? "available" : "unavailable: " + b.availability().reason()));
            r.modules().forEach(m -> table.row("module", m.getClass().getName()));
            table.print(console.out());
            r.pluginJars().forEach(j -> console.out().println("loaded plugin JAR: " + j));
            r.problems().forEach(p -> console.out().println("skipped: " + p));
            return 0;
        }
    }

    private static void row(TextTable table, String kind, Provider<?> p, PluginRegistry r) {
        table.row(kind, p.name(), p.rank(), r.origin(p), p.description());
    }
}

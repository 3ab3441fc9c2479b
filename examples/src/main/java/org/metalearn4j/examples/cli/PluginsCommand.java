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
            console.out().printf("%-9s %-22s %-5s %-36s %s%n", "KIND", "NAME", "RANK", "ORIGIN", "DESCRIPTION");
            r.learners().forEach(p -> row("learner", p, r));
            r.datasets().forEach(p -> row("dataset", p, r));
            r.stages().forEach(p -> row("stage", p, r));
            r.backbones().forEach(p -> row("backbone", p, r));
            r.optimizers().forEach(p -> row("optimizer", p, r));
            r.backends().forEach(b -> console.out().printf("%-9s %-22s %-5d %-36s %s%n", "backend", b.name(),
                    b.rank(), r.origin(b), b.availability().available() ? "available"
                            : "unavailable: " + b.availability().reason()));
            r.modules().forEach(m -> console.out().printf("%-9s %s%n", "module", m.getClass().getName()));
            r.pluginJars().forEach(j -> console.out().println("loaded plugin JAR: " + j));
            r.problems().forEach(p -> console.out().println("skipped: " + p));
            return 0;
        }
    }

    private void row(String kind, Provider<?> p, PluginRegistry r) {
        console.out().printf("%-9s %-22s %-5d %-36s %s%n", kind, p.name(), p.rank(), r.origin(p), p.description());
    }
}

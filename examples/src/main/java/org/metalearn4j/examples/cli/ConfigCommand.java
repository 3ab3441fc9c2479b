package org.metalearn4j.examples.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.metalearn4j.core.config.ConfigBinder;
import org.metalearn4j.core.config.ConfigDocs;
import org.metalearn4j.core.config.ConfigLoader;
import org.metalearn4j.core.config.RunConfig;
import org.metalearn4j.core.plugin.PluginRegistry;
import org.metalearn4j.core.spi.ConfigException;
import org.metalearn4j.core.spi.Provider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code metalearn config}: the one place defaults are documented, generated from the code so it cannot drift, and a
 * validator that shows the effective configuration of a file.
 */
@Command(name = "config", mixinStandardHelpOptions = true,
        description = {"--defaults prints the defaults of every run configuration key and of every provider's "
                + "params (or only of provider NAME) as YAML.",
                "With CONFIG, validates it (including the named providers' params) and prints the effective "
                        + "configuration."},
        footerHeading = "%nExample:%n",
        footer = {"  ./metalearn config --defaults", "  ./metalearn config --defaults protonet",
                "  ./metalearn config examples/configs/omniglot-protonet.yaml --set train.way=20"})
final class ConfigCommand implements Callable<Integer> {
    private final Console console;

    @Option(names = "--defaults", description = "Print defaults instead of validating a file.")
    boolean defaults;

    @Parameters(arity = "0..1", paramLabel = "CONFIG_OR_NAME",
            description = "A config file to validate, or with --defaults a provider name.")
    String target;

    @Mixin
    ConfigOverrides overrides;

    @Mixin
    PluginsDirOption plugins;

    ConfigCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        if (!defaults && target == null) {
            throw new ConfigException("", "give a CONFIG file to validate, or --defaults");
        }
        RunConfig run = defaults ? null : ConfigLoader.load(Path.of(target), overrides.values);
        try (Session session = Session.open(plugins.orElse(run == null ? null : run.pluginsDir()), console.err())) {
            PluginRegistry r = session.registry();
            if (!defaults) {
                validateParams(named(() -> r.dataset(run.dataset().name()), "dataset.name"), run.dataset().params(),
                        "dataset.params");
                validateParams(named(() -> r.learner(run.learner().name()), "learner.name"), run.learner().params(),
                        "learner.params");
                console.out().print(ConfigDocs.yaml(run));
                return 0;
            }
            List<Map.Entry<String, Provider<?>>> providers = new ArrayList<>();
            r.learners().forEach(p -> providers.add(Map.entry("learner", p)));
            r.datasets().forEach(p -> providers.add(Map.entry("dataset", p)));
            r.stages().forEach(p -> providers.add(Map.entry("stage", p)));
            r.backbones().forEach(p -> providers.add(Map.entry("backbone", p)));
            if (target != null) {
                Provider<?> p = providers.stream().map(Map.Entry::getValue).filter(x -> x.name().equals(target))
                        .findFirst().orElseThrow(() -> new ConfigException("", "no provider named '" + target
                                + "'; available: " + providers.stream().map(e -> e.getValue().name()).toList()));
                console.out().print(ConfigDocs.yaml(p.defaults()));
                return 0;
            }
            console.out().println("# Run configuration defaults (keys missing from a config file take these).");
            console.out().print(ConfigDocs.yaml(RunConfig.defaults()));
            for (Map.Entry<String, Provider<?>> e : providers) {
                Provider<?> p = e.getValue();
                console.out().printf("%n# %s '%s' params defaults (from %s): %s%n", e.getKey(), p.name(), r.origin(p),
                        p.description());
                console.out().print(ConfigDocs.yaml(p.defaults()));
            }
            return 0;
        }
    }

    private <P> P named(java.util.function.Supplier<P> lookup, String path) {
        try {
            return lookup.get();
        } catch (IllegalArgumentException e) {
            throw new ConfigException(path, e.getMessage() + " (in " + target + ")", e);
        }
    }

    private <C extends Record> void validateParams(Provider<C> provider, com.fasterxml.jackson.databind.JsonNode params,
                                                   String path) {
        ConfigBinder.bindParams(provider, params, path, target);
    }
}

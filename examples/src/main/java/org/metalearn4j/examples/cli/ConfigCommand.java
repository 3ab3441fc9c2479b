package org.metalearn4j.examples.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.metalearn4j.cluster.ClusterConfig;
import org.metalearn4j.core.config.ConfigDocs;
import org.metalearn4j.core.config.ConfigLoader;
import org.metalearn4j.core.config.EffectiveConfig;
import org.metalearn4j.core.config.RunConfig;
import org.metalearn4j.core.plugin.BackendSelector;
import org.metalearn4j.core.plugin.PluginRegistry;
import org.metalearn4j.core.spi.ConfigException;
import org.metalearn4j.core.spi.Provider;
import org.metalearn4j.core.train.RunComponents;
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
                + "params (or only of provider NAME, or with NAME cluster of the cluster: section) as YAML, each key "
                + "with its description and, for a key with a fixed set of values, the values it accepts.",
                "With CONFIG, validates it as a run would before training (backend name, providers and their "
                        + "params, splits and episode shapes against the data set) and prints the effective "
                        + "configuration: every key, the providers' params included, as a run records it in its "
                        + "config.json."},
        footerHeading = "%nExample:%n",
        footer = {"  ./metalearn config --defaults", "  ./metalearn config --defaults protonet",
                "  ./metalearn config --defaults cluster",
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

    /**
     * The effective configuration after every check a run makes before training: the backend name (not whether it
     * runs here), the providers and their params, the splits and episode shapes against the opened data set, and the
     * learner's construction.
     */
    private RunConfig validated(RunConfig run, PluginRegistry registry) {
        BackendSelector.requireKnown(registry, run.backend(), target);
        RunConfig effective = EffectiveConfig.of(run, registry, target);
        RunComponents.open(effective, registry, target);
        return effective;
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
                try {
                    console.out().print(ConfigDocs.yaml(validated(run, r)));
                } catch (ConfigException e) {
                    throw ConfigLoader.attribute(e, overrides.values, target);
                } catch (RuntimeException e) {
                    throw session.explain(e);
                }
                return 0;
            }
            List<Map.Entry<String, Provider<?>>> providers = new ArrayList<>();
            r.learners().forEach(p -> providers.add(Map.entry("learner", p)));
            r.datasets().forEach(p -> providers.add(Map.entry("dataset", p)));
            r.stages().forEach(p -> providers.add(Map.entry("stage", p)));
            r.backbones().forEach(p -> providers.add(Map.entry("backbone", p)));
            r.optimizers().forEach(p -> providers.add(Map.entry("optimizer", p)));
            if ("cluster".equals(target)) {
                console.out().print(ConfigDocs.yaml(ClusterConfig.defaults()));
                return 0;
            }
            if (target != null) {
                Provider<?> p = providers.stream().map(Map.Entry::getValue).filter(x -> x.name().equals(target))
                        .findFirst().orElseThrow(() -> new ConfigException("", "no provider named '" + target
                                + "'; available: " + providers.stream().map(e -> e.getValue().name()).toList()));
                console.out().print(ConfigDocs.yaml(p.defaults()));
                return 0;
            }
            console.out().println("# Run configuration defaults (keys missing from a config file take these).");
            console.out().print(ConfigDocs.yaml(RunConfig.defaults()));
            console.out().printf("%n# cluster: section defaults (also what metalearn worker --cluster-config reads)%n");
            console.out().print(ConfigDocs.yaml(ClusterConfig.defaults()));
            for (Map.Entry<String, Provider<?>> e : providers) {
                Provider<?> p = e.getValue();
                console.out().printf("%n# %s '%s' params defaults (from %s): %s%n", e.getKey(), p.name(), r.origin(p),
                        p.description());
                console.out().print(ConfigDocs.yaml(p.defaults()));
            }
            return 0;
        }
    }
}

package org.metalearn4j.examples.cli;

import com.google.inject.Module;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;
import org.metalearn4j.cluster.ClusterConfig;
import org.metalearn4j.cluster.ClusterModule;
import org.metalearn4j.cluster.ClusterVertxFactory;
import org.metalearn4j.core.config.RunConfig;
import org.metalearn4j.core.spi.ConfigException;
import picocli.CommandLine.Option;

/**
 * How {@code metalearn train} uses a cluster: not at all unless the config has a {@code cluster:} section (which
 * {@code --set cluster.KEY=VALUE} overrides like any key) or one of these options is given; then its tasks go to
 * workers, which {@code --local-workers} starts on this machine.
 */
final class ClusterOptions {
    @Option(names = "--cluster",
            description = "Compute the tasks of each meta-batch on cluster workers (metalearn worker), with the "
                    + "config's cluster: section or the defaults (this machine only).")
    boolean cluster;

    @Option(names = "--local-workers", paramLabel = "N",
            description = "Start N worker processes on this machine in a cluster of this run's own and train on "
                    + "them (implies --cluster; their logs go to RUN_DIR/workers).")
    int localWorkers;

    /** The run's cluster settings, or empty when it trains in this process. */
    Optional<ClusterConfig> settings(RunConfig run, String source) {
        if (localWorkers < 0) {
            throw new ConfigException("local-workers", "expected 0 or more, got " + localWorkers);
        }
        if (run.cluster() == null && !cluster && localWorkers == 0) {
            return Optional.empty();
        }
        ClusterConfig settings = ClusterConfig.bind(run.cluster(), source);
        if (localWorkers > 0) {
            settings = settings.withNameAndWorkers("metalearn-local-" + UUID.randomUUID().toString().substring(0, 8),
                    localWorkers);
        }
        return Optional.of(settings);
    }

    /** The Guice bindings that make the session clustered, none without a cluster. */
    static Module[] modules(Optional<ClusterConfig> settings) {
        return settings.map(c -> new Module[] {new ClusterModule(new ClusterVertxFactory(c, false))})
                .orElse(new Module[0]);
    }

    /** Starts the {@code --local-workers}, if any. */
    LocalWorkers startLocalWorkers(Optional<ClusterConfig> settings, Path runDir, Path pluginsDir, String backend,
                                   PrintStream err) {
        return localWorkers > 0 ? LocalWorkers.start(localWorkers, 1, settings.orElseThrow(), runDir, pluginsDir,
                backend, err) : LocalWorkers.none();
    }
}

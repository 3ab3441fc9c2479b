package org.metalearn4j.examples.cli;

import java.nio.file.Path;
import org.metalearn4j.cluster.ClusterConfig;
import picocli.CommandLine.Option;

/** {@code --cluster-config}, shared (as a picocli mixin) by the commands that join a cluster. */
final class ClusterConfigOption {
    @Option(names = "--cluster-config", paramLabel = "FILE",
            description = "YAML or JSON file with the cluster settings: its cluster: section (a run config) or the"
                    + " whole document (keys: metalearn config --defaults cluster). Default: this machine only.")
    Path file;

    /** The file's settings, else {@code orElse}. */
    ClusterConfig orElse(ClusterConfig orElse) {
        return file == null ? orElse : ClusterConfig.load(file);
    }
}

package org.metalearn4j.examples.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code metalearn cluster}: commands about a cluster of workers. */
@Command(name = "cluster", mixinStandardHelpOptions = true,
        description = "Looks at a cluster of workers (metalearn worker) and the coordinators training on it.",
        subcommands = {ClusterStatusCommand.class},
        footerHeading = "%nExample:%n",
        footer = {"  ./metalearn cluster status --cluster-config cluster.yaml"})
final class ClusterCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand: status");
    }
}

package org.metalearn4j.examples.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --set KEY=VALUE}, shared (as a picocli mixin) by the commands that read a run configuration. */
final class ConfigOverrides {
    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Override a config key given by its dotted path, e.g. train.iterations=200 or "
                    + "learner.params.lr=0.01 (repeatable).")
    List<String> values = new ArrayList<>();
}

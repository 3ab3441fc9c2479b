package org.metalearn4j.examples.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --set KEY=VALUE}, shared (as a picocli mixin) by the commands that read a run configuration or a pipeline. */
final class ConfigOverrides {
    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Override a config key given by its dotted path, e.g. train.iterations=200 or "
                    + "learner.params.lr=0.01; in a pipeline seed, input or stages.STAGE.config.KEY, STAGE being "
                    + "a stage's index from 0 or its name, e.g. stages.pretrain.config.iterations=200 (repeatable).")
    List<String> values = new ArrayList<>();
}

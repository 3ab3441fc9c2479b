package org.metalearn4j.examples.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --plugins-dir}, shared (as a picocli mixin) by every command that discovers providers. */
final class PluginsDirOption {
    @Option(names = "--plugins-dir", paramLabel = "DIR",
            description = "Directory of plugin JARs to load besides the class path (overrides a config's "
                    + "pluginsDir; train records it in the run, so that eval of the run needs it no more).")
    Path dir;

    /** The option's directory, else {@code configured} (a config's {@code pluginsDir}); null when neither is set. */
    Path orElse(String configured) {
        return dir != null ? dir : configured == null ? null : Path.of(configured);
    }
}

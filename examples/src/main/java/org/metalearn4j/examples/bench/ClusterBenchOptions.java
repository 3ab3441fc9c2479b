package org.metalearn4j.examples.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.metalearn4j.core.config.ConfigLoader;
import org.metalearn4j.core.config.RunConfig;
import org.metalearn4j.examples.MainOptions;

/** The run configuration the cluster benchmarks train: a config file with {@code ;}-separated overrides. */
final class ClusterBenchOptions {
    private ClusterBenchOptions() {
    }

    /**
     * {@code --config} with {@code --set} (key=value pairs separated by {@code ;}, since values may hold commas) and
     * {@code extra} applied, its train.iterations {@code --iterations}, no evaluation or checkpoint until the end.
     */
    static RunConfig config(MainOptions o, String... extra) {
        List<String> sets = new ArrayList<>();
        if (!o.string("set").isBlank()) {
            Arrays.stream(o.string("set").split(";")).map(String::trim).filter(x -> !x.isEmpty()).forEach(sets::add);
        }
        sets.addAll(List.of("train.iterations=" + o.integer("iterations"), "train.evalEvery=100000",
                "train.checkpointEvery=100000"));
        sets.addAll(List.of(extra));
        return ConfigLoader.load(Path.of(o.string("config")), sets);
    }
}

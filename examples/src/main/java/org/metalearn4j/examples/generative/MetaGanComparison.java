package org.metalearn4j.examples.generative;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.metalearn4j.core.config.ConfigMappers;
import org.metalearn4j.examples.MainOptions;
import org.metalearn4j.examples.MeanInterval;

/**
 * The MetaGAN comparison's figures from the {@code result.json} files {@link MetaGanRun} wrote: for each shot, the
 * accuracy of MetaGAN ({@code metagan-CLASSIFIER}) minus that of its base learner ({@code CLASSIFIER}), scored on the
 * same fixed meta-test episodes, per seed (paired over episodes) and over the seeds. The interval over seeds (Student's
 * t with seeds - 1 degrees of freedom, 4.30 standard errors for three seeds) is the one to report: it treats the
 * training runs as the random units. The pooled interval over all (seed, episode) pairs is printed beside it and is
 * narrower because it ignores how much training runs differ.
 *
 * <pre>
 * java -cp "examples/target/classes:$(cat examples/target/classpath.txt)" \
 *   org.metalearn4j.examples.generative.MetaGanComparison --runs target/metagan-runs --classifier maml
 * </pre>
 */
public final class MetaGanComparison {
    private MetaGanComparison() {
    }

    public static void main(String[] argv) throws IOException {
        MainOptions a = new MainOptions(argv, Map.of("runs", "target/metagan-runs", "classifier", "maml",
                "shots", "1,5", "seeds", "1,2,3"));
        Path runs = Path.of(a.string("runs"));
        String classifier = a.string("classifier");
        ObjectNode out = ConfigMappers.plain().createObjectNode().put("classifier", classifier)
                .put("runs", runs.toString());
        for (String shot : a.list("shots")) {
            List<double[]> differences = new ArrayList<>();
            ArrayNode perSeed = ConfigMappers.plain().createArrayNode();
            for (String seed : a.list("seeds")) {
                JsonNode base = read(runs.resolve(classifier + "-" + shot + "shot-seed" + seed));
                JsonNode gan = read(runs.resolve("metagan-" + classifier + "-" + shot + "shot-seed" + seed));
                if (base.get("evalSeed").asLong() != gan.get("evalSeed").asLong()
                        || base.get("episodes").asInt() != gan.get("episodes").asInt()) {
                    throw new IllegalArgumentException("seed " + seed + ", " + shot + "-shot: the two runs were scored"
                            + " on different episodes (evalSeed/episodes differ)");
                }
                double[] d = MeanInterval.differences(values(gan), values(base));
                differences.add(d);
                MeanInterval paired = MeanInterval.of(d);
                perSeed.addObject().put("seed", Integer.parseInt(seed))
                        .put("base", base.get("accuracy").asDouble()).put("metagan", gan.get("accuracy").asDouble())
                        .put("difference", paired.mean()).put("differenceCi95", paired.ci95())
                        .put("baseIterations", base.get("iterations").asInt())
                        .put("metaganIterations", gan.get("iterations").asInt())
                        .put("realFakeAuc", gan.path("realFakeAuc").asDouble(Double.NaN));
            }
            double[] seedMeans = differences.stream().mapToDouble(d -> MeanInterval.of(d).mean()).toArray();
            MeanInterval overSeeds = MeanInterval.of(seedMeans);
            MeanInterval pooled = MeanInterval.of(differences.stream().flatMapToDouble(Arrays::stream)
                    .toArray());
            ObjectNode s = out.putObject(shot + "shot");
            s.set("perSeed", perSeed);
            s.put("difference", overSeeds.mean());
            if (overSeeds.n() > 1) {
                s.put("differenceCi95OverSeeds", overSeeds.ci95());
            } else {
                // one training run says nothing about how much runs differ: no interval rather than one of width 0
                s.putNull("differenceCi95OverSeeds");
            }
            s.put("seeds", overSeeds.n()).put("differenceCi95PooledEpisodes", pooled.ci95())
                    .put("intervalExcludesZero", overSeeds.n() > 1 && Math.abs(overSeeds.mean()) > overSeeds.ci95());
        }
        System.out.println(ConfigMappers.json().writerWithDefaultPrettyPrinter().writeValueAsString(out));
    }

    private static JsonNode read(Path run) throws IOException {
        Path file = run.resolve("result.json");
        if (!Files.exists(file)) {
            throw new IllegalArgumentException(file + " does not exist: run MetaGanRun for it first");
        }
        return ConfigMappers.plain().readTree(Files.readString(file));
    }

    private static double[] values(JsonNode result) {
        JsonNode episodes = result.get("perEpisode");
        double[] v = new double[episodes.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = episodes.get(i).asDouble();
        }
        return v;
    }
}

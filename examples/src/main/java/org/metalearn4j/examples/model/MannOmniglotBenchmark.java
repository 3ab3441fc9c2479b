package org.metalearn4j.examples.model;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.metalearn4j.core.config.ConfigMappers;
import org.metalearn4j.core.dataset.Dataset;
import org.metalearn4j.core.task.EpisodeSpec;
import org.metalearn4j.core.task.TaskSource;
import org.metalearn4j.examples.Components;
import org.metalearn4j.examples.MainOptions;
import org.metalearn4j.model.mann.InstanceAccuracy;
import org.metalearn4j.model.mann.MannLearner;

/**
 * Santoro et al.'s Omniglot protocol on {@code omniglot-small} at 20x20: episodes of 5 classes x 10 instances, read as
 * shuffled sequences with each label given one step later. Trains the MANN and the LSTM baseline of the same
 * controller ({@code memory: none}) for {@code --seconds} of training each (meta-batch 16), then scores both on the
 * same {@code --episodes} fixed meta-test sequences: accuracy at the 1st, 2nd, 3rd, 5th and 10th instance of each
 * class, with 95% CIs. Prints one JSON object; checkpoints under {@code --out}.
 *
 * <pre>
 * java -cp "examples/target/classes:$(cat examples/target/classpath.txt)" \
 *   org.metalearn4j.examples.model.MannOmniglotBenchmark --seconds 1800 --out target/mann
 * </pre>
 * {@code --params} overrides both models' parameters (JSON), e.g. {@code {"controllerSize":100}}; {@code --data}
 * the data set's (JSON), e.g. {@code {"imageSize":20,"trainShift":2,"trainRotation":10}} for Santoro et al.'s random
 * translations and rotations of meta-train images (meta-test sequences are never augmented).
 */
public final class MannOmniglotBenchmark {
    private static final int[] INSTANCES = {1, 2, 3, 5, 10};

    private MannOmniglotBenchmark() {
    }

    public static void main(String[] argv) {
        MainOptions args = new MainOptions(argv, Map.of("seconds", "1800", "iterations",
                Integer.toString(Integer.MAX_VALUE), "meta-batch", "16", "episodes", "1000", "eval-seed",
                "20261206", "seed", "1", "params", "", "data", "{\"imageSize\":20}", "models", "lru,none", "out",
                "target/mann"));
        Dataset omniglot = Components.dataset("omniglot-small", args.string("data"));
        EpisodeSpec spec = new EpisodeSpec(5, 10, 1);
        TaskSource train = omniglot.episodes("meta-train", spec);
        TaskSource test = omniglot.episodes("meta-test", spec);
        long seed = args.integer("seed");
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("protocol", "omniglot-small " + args.string("data") + ", 5 classes x 10 instances, labels one step"
                + " late, " + args.integer("episodes") + " meta-test sequences, seed " + args.string("eval-seed"));
        for (String memory : args.list("models")) {
            String params = merged(args.string("params"), memory);
            MannLearner learner = (MannLearner) Components.learner("mann", params, Components.context(omniglot,
                    train, 5, seed));
            String label = memory.equals("none") ? "lstm" : "mann";
            BudgetedTraining.Outcome trained = BudgetedTraining.train(label, learner, train,
                    args.integer("meta-batch"), args.number("seconds"), args.integer("iterations"), seed,
                    Path.of(args.string("out"), label));
            InstanceAccuracy.Result r = InstanceAccuracy.evaluate(learner.sequenceClassifier(), test,
                    args.integer("episodes"), Long.parseLong(args.string("eval-seed")));
            Map<String, Object> e = new LinkedHashMap<>();
            for (int k : INSTANCES) {
                e.put("instance" + k, Json.round(r.accuracy()[k - 1]));
                e.put("instance" + k + "Ci95", Json.round(r.ci95()[k - 1]));
            }
            e.put("episodes", r.episodes());
            e.put("iterations", trained.iterations());
            e.put("trainEpisodes", (long) trained.iterations() * args.integer("meta-batch"));
            e.put("trainSeconds", Json.round(trained.trainSeconds()));
            e.put("secondsPerIteration", Json.round(trained.secondsPerIteration()));
            out.put(label, e);
        }
        Json.print(out);
    }

    /** {@code params} (JSON, possibly empty) with {@code memory} set. */
    private static String merged(String params, String memory) {
        ObjectNode node = params.isBlank() ? ConfigMappers.json().createObjectNode()
                : (ObjectNode) ConfigMappers.readJson(params, "--params");
        return node.put("memory", memory).toString();
    }
}

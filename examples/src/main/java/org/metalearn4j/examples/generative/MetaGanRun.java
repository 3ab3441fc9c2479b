package org.metalearn4j.examples.generative;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.metalearn4j.core.checkpoint.CheckpointStore;
import org.metalearn4j.core.checkpoint.Provenance;
import org.metalearn4j.core.config.ConfigMappers;
import org.metalearn4j.core.dataset.Dataset;
import org.metalearn4j.core.event.StepEvent;
import org.metalearn4j.core.learner.Learner;
import org.metalearn4j.core.task.EpisodeSpec;
import org.metalearn4j.core.task.Seeds;
import org.metalearn4j.core.task.TaskSource;
import org.metalearn4j.core.train.Every;
import org.metalearn4j.core.train.LoopPlan;
import org.metalearn4j.core.train.LoopStart;
import org.metalearn4j.core.train.MetaTrainingLoop;
import org.metalearn4j.core.train.TrainingCheckpoint;
import org.metalearn4j.examples.Components;
import org.metalearn4j.examples.MainOptions;
import org.metalearn4j.examples.MeanInterval;
import org.metalearn4j.model.generative.metagan.AdversarialLearner;

/**
 * One run of the MetaGAN comparison: meta-trains {@code --learner} ({@code metagan} with {@code --classifier}, or a
 * base learner: {@code maml}, {@code protonet}, {@code relationnet}) on {@code omniglot-small} meta-train 5-way
 * {@code --shot}-shot episodes for {@code --minutes} of training, then scores it on {@code --episodes} fixed meta-test
 * episodes of the same shape (seed {@code --eval-seed}, the episodes of the ProtoNet benchmark and the README job) and
 * writes every episode's accuracy to {@code --out/NAME/result.json} for {@link MetaGanComparison}. MetaGAN runs also
 * record their discriminator's real-versus-generated AUC on the first 100 of those episodes.
 *
 * <p>The settings of each classifier are the project's Omniglot settings of its base learner, the same for the base
 * learner and for MetaGAN: maml with Conv4-64, exact second order, one inner step of 0.4 in training and three at
 * evaluation, meta-batch 32, two tasks at once; protonet and relationnet with Conv4-64, Adam 1e-3 halved every 2000
 * steps, meta-batch 1. Meta-train images are shifted by up to 2 pixels. {@code --params} replaces the learner's
 * parameters (JSON).
 *
 * <p>Long runs resume: a checkpoint is written every 5 minutes of training (with the training time spent so far), a
 * restarted run continues from the newest and trains only the rest of the budget, and a finished run (its
 * {@code result.json} exists) is skipped.
 *
 * <pre>
 * java -cp "examples/target/classes:$(cat examples/target/classpath.txt)" \
 *   org.metalearn4j.examples.generative.MetaGanRun --learner metagan --classifier maml --shot 1 --seed 1
 * </pre>
 */
public final class MetaGanRun {
    private static final String SPENT = "trainSeconds";
    private static final String MAML_PARAMS = "{\"order\":\"second\",\"innerSteps\":1,\"innerLr\":0.4,"
            + "\"evalInnerSteps\":3,\"backbone\":{\"type\":\"conv4\",\"channels\":64},\"taskThreads\":2}";
    private static final String METAGAN_MAML_PARAMS = "{\"classifier\":\"maml\",\"inner\":{\"secondOrder\":true,"
            + "\"steps\":1,\"learningRate\":0.4,\"evalSteps\":3},\"backbone\":{\"type\":\"conv4\",\"channels\":64},"
            + "\"taskThreads\":2}";
    private static final String METRIC_OPTIMIZER = "{\"learningRate\":0.001,\"weightDecay\":0,\"schedule\":"
            + "{\"type\":\"step\",\"every\":2000,\"gamma\":0.5,\"minFactor\":0}}";

    private MetaGanRun() {
    }

    public static void main(String[] argv) throws IOException {
        MainOptions a = new MainOptions(argv, Map.ofEntries(Map.entry("learner", "metagan"),
                Map.entry("classifier", "maml"), Map.entry("shot", "1"), Map.entry("seed", "1"),
                Map.entry("minutes", "60"), Map.entry("episodes", "600"), Map.entry("eval-seed", "20261123"),
                Map.entry("meta-batch", ""), Map.entry("query", "15"), Map.entry("params", ""),
                Map.entry("dataset-params", "{\"trainShift\":2}"), Map.entry("out", "target/metagan-runs")));
        String learnerName = a.string("learner");
        String classifier = "metagan".equals(learnerName) ? a.string("classifier") : learnerName;
        int shot = a.integer("shot");
        long seed = a.integer("seed");
        String name = ("metagan".equals(learnerName) ? "metagan-" + classifier : learnerName) + "-" + shot
                + "shot-seed" + seed;
        Path dir = Path.of(a.string("out"), name);
        Path resultFile = dir.resolve("result.json");
        if (Files.exists(resultFile)) {
            System.out.println("already finished: " + resultFile);
            return;
        }
        boolean maml = "maml".equals(classifier);
        String params = !a.string("params").isEmpty() ? a.string("params") : defaultParams(learnerName, classifier);
        int metaBatch = a.string("meta-batch").isEmpty() ? (maml ? 32 : 1) : a.integer("meta-batch");
        EpisodeSpec spec = new EpisodeSpec(5, shot, a.integer("query"));
        Dataset omniglot = Components.dataset("omniglot-small", a.string("dataset-params"));
        TaskSource train = omniglot.episodes("meta-train", spec);
        Learner learner = Components.learner(learnerName, params, Components.context(omniglot, train, 5, seed));

        CheckpointStore store = new CheckpointStore(dir, 2);
        Optional<CheckpointStore.Loaded> saved = store.latestGood();
        String configJson = ConfigMappers.plain().createObjectNode().put("learner", learnerName)
                .put("params", params).put("shot", shot).put("seed", seed).put("metaBatch", metaBatch)
                .put("datasetParams", a.string("dataset-params")).toString();
        if (saved.isPresent() && !saved.get().checkpoint().configJson().equals(configJson)) {
            throw new IllegalArgumentException(dir + " holds a run with other settings (" + saved.get().checkpoint()
                    .configJson() + "); choose another --out or delete it");
        }
        LoopStart start = saved.map(s -> TrainingCheckpoint.restore(s.checkpoint(), s.file().toString(), learner))
                .orElse(LoopStart.fresh());
        double spentBefore = saved.map(s -> Double.parseDouble(s.checkpoint().provenance().detail(SPENT)))
                .orElse(0.0);
        double budget = a.number("minutes") * 60;
        double[] spent = {spentBefore};
        double[] lastLog = {0};
        System.err.printf("%s: %s from iteration %d, %.0f of %.0f s trained%n", name, saved.isPresent() ? "resuming"
                : "starting", start.iteration(), spentBefore, budget);
        LoopPlan plan = LoopPlan.of(Integer.MAX_VALUE, metaBatch, seed).withBudget(Math.max(0, budget - spentBefore))
                .withCheckpointEvery(Every.seconds(300));
        int iterations = new MetaTrainingLoop(learner, train, plan, "accuracy")
                .events(event -> {
                    if (event instanceof StepEvent e) {
                        spent[0] += e.stepSeconds();
                        if (spent[0] - lastLog[0] > 60) {
                            lastLog[0] = spent[0];
                            System.err.printf("%s iteration %d: %.0f s trained, loss %.4f, accuracy %.3f %s%n",
                                    name, e.iteration(), spent[0], e.loss(), e.metric(), e.extras());
                        }
                    }
                })
                .checkpoints((l, iteration, recent) -> store.save(TrainingCheckpoint.of(l, iteration, recent,
                        configJson, Provenance.current(seed).with(Map.of(SPENT, Double.toString(spent[0])))))
                        .toString())
                .run(start, () -> false).iteration();

        TaskSource test = omniglot.episodes("meta-test", spec);
        long evalSeed = Long.parseLong(a.string("eval-seed"));
        double[] accuracies = EpisodeAccuracies.of(learner.adapter(), test, a.integer("episodes"), evalSeed);
        MeanInterval accuracy = MeanInterval.of(accuracies);
        ObjectNode result = ConfigMappers.plain().createObjectNode()
                .put("name", name).put("learner", learnerName).put("classifier", classifier).put("shot", shot)
                .put("seed", seed).put("params", params).put("metaBatch", metaBatch)
                .put("datasetParams", a.string("dataset-params")).put("iterations", iterations)
                .put("trainSeconds", spent[0]).put("secondsPerIteration", spent[0] / Math.max(1, iterations))
                .put("evalSeed", evalSeed).put("episodes", accuracies.length)
                .put("accuracy", accuracy.mean()).put("ci95", accuracy.ci95())
                .put("machine", Runtime.getRuntime().availableProcessors() + " cores, "
                        + System.getProperty("os.arch"));
        if (learner instanceof AdversarialLearner adversarial) {
            int n = Math.min(100, accuracies.length);
            double[] auc = new double[n];
            for (int i = 0; i < n; i++) {
                auc[i] = adversarial.discriminate(test.sample(Seeds.derive(evalSeed, i)), i)
                        .auc();
            }
            MeanInterval separation = MeanInterval.of(auc);
            result.put("realFakeAuc", separation.mean()).put("realFakeAucCi95", separation.ci95());
        }
        ArrayNode perEpisode = result.putArray("perEpisode");
        for (double v : accuracies) {
            perEpisode.add(v);
        }
        Files.createDirectories(dir);
        Files.writeString(resultFile, ConfigMappers.json().writerWithDefaultPrettyPrinter().writeValueAsString(result)
                + "\n");
        result.remove("perEpisode");
        System.out.println(result);
    }

    /** The parameters of {@code learner} ({@code metagan} with {@code classifier}, or a base learner) above. */
    static String defaultParams(String learner, String classifier) {
        return switch (learner) {
            case "maml" -> MAML_PARAMS;
            case "protonet", "relationnet" -> "{\"optimizer\":" + METRIC_OPTIMIZER + "}";
            case "metagan" -> "maml".equals(classifier) ? METAGAN_MAML_PARAMS
                    : "{\"classifier\":\"" + classifier + "\",\"classifierOptimizer\":" + METRIC_OPTIMIZER + "}";
            default -> throw new IllegalArgumentException("--learner: expected metagan, maml, protonet or relationnet,"
                    + " got '" + learner + "'");
        };
    }
}

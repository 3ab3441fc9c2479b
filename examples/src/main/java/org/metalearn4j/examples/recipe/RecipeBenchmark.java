package org.metalearn4j.examples.recipe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.metalearn4j.core.checkpoint.CheckpointException;
import org.metalearn4j.core.checkpoint.CheckpointStore;
import org.metalearn4j.core.checkpoint.Provenance;
import org.metalearn4j.core.config.ComponentConfig;
import org.metalearn4j.core.config.ConfigLoader;
import org.metalearn4j.core.config.ConfigMappers;
import org.metalearn4j.core.config.EffectiveConfig;
import org.metalearn4j.core.config.EvalConfig;
import org.metalearn4j.core.config.ResumeCheck;
import org.metalearn4j.core.config.RunConfig;
import org.metalearn4j.core.config.TrainConfig;
import org.metalearn4j.core.event.StepEvent;
import org.metalearn4j.core.learner.Adapter;
import org.metalearn4j.core.learner.EnsembleAdapter;
import org.metalearn4j.core.learner.Learner;
import org.metalearn4j.core.learner.TestTimeAugmentation;
import org.metalearn4j.core.model.ModelDescription;
import org.metalearn4j.core.plugin.PluginRegistry;
import org.metalearn4j.core.spi.ConfigException;
import org.metalearn4j.core.train.EvalResult;
import org.metalearn4j.core.train.Every;
import org.metalearn4j.core.train.LoopPlan;
import org.metalearn4j.core.train.LoopResult;
import org.metalearn4j.core.train.LoopStart;
import org.metalearn4j.core.train.MetaTrainingLoop;
import org.metalearn4j.core.train.RunComponents;
import org.metalearn4j.core.train.TrainingCheckpoint;
import org.metalearn4j.datasets.omniglot.OneShotScore;
import org.metalearn4j.examples.MainOptions;
import org.metalearn4j.examples.WithinAlphabetSet;

/**
 * One run of the one-shot recipe search: trains any learner on {@code omniglot-small} meta-train episodes for a
 * wall-clock budget of training time, evaluating every {@code --curve-every-seconds} on {@code --eval-split} (20-way
 * 1-shot episodes and the within-alphabet set; {@code curve.csv}: error against minutes), then reports 5-way and
 * 20-way 1-shot accuracy over {@code --episodes} fixed episodes and the within-alphabet 20-way error over
 * {@code --within-episodes} episodes of 20 test items, all with 95% intervals, as one JSON line (also
 * {@code result.json}). Search on {@code meta-val} ({@code validationAlphabets} in {@code --dataset-params}); score the
 * chosen recipe on {@code meta-test}.
 *
 * <p>Every setting of the search is a parameter: the training episode ({@code --way --shot --query --meta-batch}),
 * the learner's params ({@code --params}: backbone, head, schedule, transductive steps...), the augmentation
 * ({@code --dataset-params}: {@code trainShift}, {@code trainRotation}, {@code trainScale}, {@code trainThickness},
 * {@code trainElastic}) and test-time augmentation ({@code --views}). The output directory is a run directory
 * ({@code config.json}, {@code checkpoints/}), so {@code metalearn eval} scores it, alone or in an ensemble; a run
 * stopped part way continues with {@code --resume true} (checkpoints every {@code --checkpoint-every-seconds} of
 * training, the time already trained counted against the budget). {@code --evaluate DIR1,DIR2,...} trains nothing
 * and reports those runs instead, several as an ensemble, with evaluation-only settings changed by
 * {@code --eval-set} ({@code --views}, {@code learner.params.transductiveSteps=3}) on {@code --eval-split}.
 *
 * <pre>
 * java -cp ... org.metalearn4j.examples.recipe.RecipeBenchmark --learner protonet --seconds 1800 --way 60 --shot 1 \
 *   --query 5 --dataset-params '{"trainShift":2,"validationAlphabets":["Korean"]}' --eval-split meta-val \
 *   --out runs/recipe/protonet-60way
 * </pre>
 */
public final class RecipeBenchmark {
    private static final String SOURCE = "command line";
    /** The provenance detail of a checkpoint holding the training seconds spent up to it. */
    private static final String TRAIN_SECONDS = "trainSeconds";

    private RecipeBenchmark() {
    }

    public static void main(String[] argv) throws IOException {
        MainOptions a = new MainOptions(argv, Map.ofEntries(Map.entry("learner", "protonet"), Map.entry("params", ""),
                Map.entry("dataset-params", ""), Map.entry("way", "20"), Map.entry("shot", "5"),
                Map.entry("query", "5"), Map.entry("meta-batch", "1"), Map.entry("seconds", "1800"),
                Map.entry("seed", "1"), Map.entry("eval-split", "meta-test"), Map.entry("eval-seed", "20261123"),
                Map.entry("episodes", "1000"), Map.entry("within-episodes", String.valueOf(WithinAlphabetSet.EPISODES)),
                Map.entry("views", "0"), Map.entry("curve-every-seconds", "300"), Map.entry("curve-episodes", "200"),
                Map.entry("curve-within-episodes", "20"), Map.entry("checkpoint-every-seconds", "300"),
                Map.entry("out", ""), Map.entry("resume", "false"), Map.entry("evaluate", ""),
                Map.entry("eval-set", "")));
        PluginRegistry registry = PluginRegistry.classpath();
        Map<String, Object> result = a.string("evaluate").isEmpty() ? train(a, registry) : evaluate(a, registry);
        String json = ConfigMappers.json().writeValueAsString(result);
        System.out.println(json);
    }

    private static Map<String, Object> train(MainOptions a, PluginRegistry registry) throws IOException {
        if (a.string("out").isEmpty()) {
            throw new IllegalArgumentException("--out: give the run directory to write");
        }
        Path out = Path.of(a.string("out"));
        boolean resume = Boolean.parseBoolean(a.string("resume"));
        RunConfig config = EffectiveConfig.of(config(a), registry, SOURCE);
        RunComponents run = RunComponents.open(config, registry, SOURCE);
        ModelDescription model = ModelDescription.of(config, run.dataset(), run.training(), registry);
        Learner learner = run.learner();
        String configJson = ConfigLoader.toJson(config);
        CheckpointStore store = new CheckpointStore(out, 3);
        LoopStart start = LoopStart.fresh();
        double trainedBefore = 0;
        if (resume) {
            CheckpointStore.Loaded loaded = store.latestGood().orElseThrow(() -> new CheckpointException(
                    "nothing to resume: " + out + " holds no checkpoints"));
            String file = loaded.file().toString();
            ResumeCheck.require(EffectiveConfig.of(ConfigLoader.fromJson(loaded.checkpoint().configJson(), file),
                    registry, file), config, file, false);
            start = TrainingCheckpoint.restore(loaded.checkpoint(), file, learner);
            trainedBefore = trainedSeconds(loaded);
        } else if (!store.files().isEmpty()) {
            throw new ConfigException("out", out + " already holds checkpoints; continue with --resume true or"
                    + " choose another --out");
        }
        Files.createDirectories(out);
        Files.writeString(out.resolve("config.json"), configJson + "\n", StandardCharsets.UTF_8);

        String name = config.learner().name();
        EvalConfig eval = config.eval();
        String trainSplit = config.train().split();
        OneShotReport report = new OneShotReport(run, registry, config.dataset(), eval.split(), eval.seed());
        LearningCurve curve = new LearningCurve(out.resolve("curve.csv"), resume ? start.iteration() : -1);
        double[] trained = {trainedBefore};
        double[] lastLog = {0};
        LoopPlan plan = LoopPlan.of(Integer.MAX_VALUE, config.train().metaBatch(), config.seed())
                .withBudget(Math.max(0, a.number("seconds") - trainedBefore))
                .withEvalEvery(Every.seconds(a.number("curve-every-seconds")))
                .withCheckpointEvery(Every.seconds(a.number("checkpoint-every-seconds")));
        LoopResult result = new MetaTrainingLoop(learner, run.training(), plan, run.metric())
                .events(event -> {
                    if (event instanceof StepEvent e) {
                        trained[0] += e.stepSeconds();
                        if (trained[0] - lastLog[0] >= 60) {
                            lastLog[0] = trained[0];
                            System.err.printf("%s iteration %d: %.1f min trained, loss %.4f, %s %.3f%n", name,
                                    e.iteration(), trained[0] / 60, e.loss(), e.metricName(), e.metric());
                        }
                    }
                })
                .evaluation((l, iteration, last) -> {
                    Adapter adapter = TestTimeAugmentation.around(l.adapter(), run.dataset(), trainSplit,
                            eval.views(), eval.seed());
                    EvalResult episodes = report.episodes(adapter, 20, a.integer("curve-episodes"));
                    OneShotScore within = report.withinAlphabet(adapter, WithinAlphabetSet.WAY,
                            a.integer("curve-within-episodes"));
                    curve.add(name, iteration, trained[0], eval.split(), "20way1shot", 1 - episodes.value(),
                            episodes.ci95(), episodes.episodes());
                    curve.add(name, iteration, trained[0], eval.split(), "withinAlphabet20way", within.error(),
                            within.ci95(), within.items());
                    System.err.printf("CURVE %s iteration %d, %.1f min: %s 20-way 1-shot error %.4f +- %.4f,"
                                    + " within-alphabet error %.4f +- %.4f%n", name, iteration, trained[0] / 60,
                            eval.split(), 1 - episodes.value(), episodes.ci95(), within.error(), within.ci95());
                    return episodes;
                }, eval.split())
                .checkpoints((l, iteration, recent) -> {
                    Provenance provenance = Provenance.current(config.seed()).with(Map.of(TRAIN_SECONDS,
                            Double.toString(trained[0])));
                    return store.save(TrainingCheckpoint.of(l, iteration, recent, configJson, provenance)
                            .withModel(model)).toString();
                })
                .run(start, () -> false);

        Adapter adapter = TestTimeAugmentation.around(learner.adapter(), run.dataset(), trainSplit, eval.views(),
                eval.seed());
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("run", out.toString());
        summary.put("learner", name);
        summary.put("params", a.string("params"));
        summary.put("datasetParams", a.string("dataset-params"));
        summary.put("trainEpisode", config.train().way() + "-way " + config.train().shot() + "-shot "
                + config.train().query() + "-query");
        summary.put("metaBatch", config.train().metaBatch());
        summary.put("trainIterations", result.iteration());
        summary.put("trainSeconds", OneShotReport.round(trained[0]));
        summary.put("secondsPerIteration", OneShotReport.round(result.trainSeconds()
                / Math.max(1, result.iteration() - start.iteration())));
        summary.put("finalTrainLoss", OneShotReport.round(result.lastLoss()));
        summary.put("views", eval.views());
        summary.putAll(report.full(adapter, a.integer("episodes"), a.integer("within-episodes")));
        summary.put("machine", Runtime.getRuntime().availableProcessors() + " cores, "
                + System.getProperty("os.arch"));
        Files.writeString(out.resolve("result.json"), ConfigMappers.json().writeValueAsString(summary) + "\n",
                StandardCharsets.UTF_8);
        return summary;
    }

    /** The run configuration the options describe; the loop is bounded by --seconds, not by iterations. */
    private static RunConfig config(MainOptions a) {
        ComponentConfig dataset = new ComponentConfig("omniglot-small", json(a.string("dataset-params"), "data set"));
        ComponentConfig learner = new ComponentConfig(a.string("learner"), json(a.string("params"), "learner"));
        TrainConfig train = new TrainConfig(Integer.MAX_VALUE, a.integer("meta-batch"), a.integer("way"),
                a.integer("shot"), a.integer("query"), "meta-train", Integer.MAX_VALUE, Integer.MAX_VALUE, 3);
        EvalConfig eval = new EvalConfig(a.string("eval-split"), 20, 1, 15, a.integer("curve-episodes"),
                Long.parseLong(a.string("eval-seed")), a.integer("views"));
        return new RunConfig(a.integer("seed"), "auto", null, dataset, learner, train, eval, null);
    }

    /**
     * Scores the runs of {@code --evaluate} without training: one run, or several as an ensemble (each adapts on its
     * own, their probabilities averaged), with {@code --eval-set} overrides of their configurations for settings that
     * only change evaluation, e.g. {@code learner.params.transductiveSteps=3;learner.params.evalInnerSteps=10}.
     */
    private static Map<String, Object> evaluate(MainOptions a, PluginRegistry registry) {
        List<String> overrides = a.string("eval-set").isEmpty() ? List.of()
                : List.of(a.string("eval-set").split(";"));
        List<Adapter> adapters = new ArrayList<>();
        RunComponents first = null;
        RunConfig firstConfig = null;
        for (String dir : a.list("evaluate")) {
            CheckpointStore.Loaded loaded = new CheckpointStore(Path.of(dir), 1).latestGood().orElseThrow(() ->
                    new CheckpointException("no checkpoint in " + Path.of(dir).resolve(CheckpointStore.DIRECTORY)));
            String file = loaded.file().toString();
            RunConfig config = ConfigLoader.bind((ObjectNode) ConfigMappers.readJson(loaded.checkpoint().configJson(),
                    file), overrides, file);
            if (firstConfig != null && !config.dataset().equals(firstConfig.dataset())) {
                throw new ConfigException("evaluate", "an ensemble's runs must share the data set and its parameters: "
                        + dir + " differs from " + a.list("evaluate").get(0));
            }
            RunComponents run = RunComponents.open(config, registry, file);
            TrainingCheckpoint.load(run.learner(), TrainingCheckpoint.learnerState(loaded.checkpoint(), file), file);
            adapters.add(run.learner().adapter());
            first = first == null ? run : first;
            firstConfig = firstConfig == null ? config : firstConfig;
        }
        String split = a.string("eval-split");
        long seed = Long.parseLong(a.string("eval-seed"));
        Adapter members = EnsembleAdapter.of(adapters);
        Adapter adapter = TestTimeAugmentation.around(members, first.dataset(), firstConfig.train().split(),
                a.integer("views"), seed);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("evaluated", a.list("evaluate"));
        summary.put("evalSet", overrides);
        summary.put("views", a.integer("views"));
        summary.putAll(new OneShotReport(first, registry, firstConfig.dataset(), split, seed)
                .full(adapter, a.integer("episodes"), a.integer("within-episodes")));
        return summary;
    }

    /** The training time recorded in the checkpoint, spent before it and counted against the budget. */
    private static double trainedSeconds(CheckpointStore.Loaded loaded) {
        String seconds = loaded.checkpoint().provenance().detail(TRAIN_SECONDS);
        if (seconds == null) {
            throw new CheckpointException(loaded.file() + " records no training time (provenance detail "
                    + TRAIN_SECONDS + "); it was not written by this benchmark");
        }
        return Double.parseDouble(seconds);
    }

    private static JsonNode json(String text, String what) {
        return text.isEmpty() ? null : ConfigMappers.readJson(text, "the " + what + " parameters on the " + SOURCE);
    }
}

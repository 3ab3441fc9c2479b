package org.metalearn4j.examples.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.metalearn4j.core.backend.Backend;
import org.metalearn4j.core.checkpoint.Checkpoint;
import org.metalearn4j.core.config.ConfigMappers;
import org.metalearn4j.core.config.EvalConfig;
import org.metalearn4j.core.config.RunConfig;
import org.metalearn4j.core.learner.Adapter;
import org.metalearn4j.core.learner.EnsembleAdapter;
import org.metalearn4j.core.learner.Learner;
import org.metalearn4j.core.learner.TaskScorer;
import org.metalearn4j.core.learner.TestTimeAugmentation;
import org.metalearn4j.core.model.ModelFile;
import org.metalearn4j.core.plugin.BackendSelector;
import org.metalearn4j.core.spi.ConfigException;
import org.metalearn4j.core.task.TaskSource;
import org.metalearn4j.core.train.EvalResult;
import org.metalearn4j.core.train.Evaluator;
import org.metalearn4j.core.train.RunComponents;
import org.metalearn4j.core.train.TrainingCheckpoint;
import org.metalearn4j.datasets.omniglot.OneShotRunsScorer;
import org.metalearn4j.datasets.omniglot.OneShotScore;
import org.metalearn4j.examples.WithinAlphabetSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code metalearn eval}: scores a checkpoint, or an ensemble of several, on a fixed, seeded set of episodes, the
 * official one-shot runs or the within-alphabet set, and prints one JSON line.
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Evaluates the newest good checkpoint of a run directory (or a pipeline stage's artifact, or one "
                + "model file) on seeded "
                + "episodes and prints one JSON line with accuracy (or mse), ci95 (95%% confidence half-width) and "
                + "episodes; learners whose predictions have a standard deviation (neural processes) also get "
                + "logLikelihood (nats per query point) and logLikelihood.ci95.", "Options default to the eval section "
                + "of the (first) run's configuration. Several runs are scored as an ensemble: each adapts on its own "
                + "and their class probabilities (regression: outputs, Gaussians as their mixture) are averaged; they "
                + "must share the data set and its parameters, and plugins come from --plugins-dir or the first run's "
                + "pluginsDir."},
        footerHeading = "%nExample:%n",
        footer = {"  ./metalearn eval runs/proto --way 5 --shot 5 --query 15 --episodes 600 \\",
                "      --seed 1",
                "  ./metalearn eval runs/proto/checkpoints/ckpt-00001000.ml4j",
                "  ./metalearn eval runs/proto --omniglot-runs all_runs.zip",
                "  ./metalearn eval runs/proto runs/proto-seed2 --within-alphabet --views 4"})
final class EvalCommand implements Callable<Integer> {
    private final Console console;

    @Parameters(paramLabel = "RUN_DIR_OR_CHECKPOINT", arity = "1..*",
            description = "A run directory, a pipeline stage directory or a model file; several form an ensemble.")
    List<Path> targets;

    @Option(names = "--way", paramLabel = "N", description = "Classes per episode (within-alphabet: default 20).")
    Integer way;

    @Option(names = "--shot", paramLabel = "K", description = "Support examples per class.")
    Integer shot;

    @Option(names = "--query", paramLabel = "Q", description = "Query examples per class.")
    Integer query;

    @Option(names = "--episodes", paramLabel = "E",
            description = "Number of episodes (within-alphabet: default 50, 20 test items each at 20 ways).")
    Integer episodes;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of the episode set.")
    Long seed;

    @Option(names = "--split", paramLabel = "SPLIT", description = "Data set split, e.g. meta-test.")
    String split;

    @Option(names = "--views", paramLabel = "V",
            description = "Test-time augmentation: V augmented copies of every support example and V augmented "
                    + "views of every query, drawn as the run's training episodes are augmented (eval.views).")
    Integer views;

    @Option(names = "--omniglot-runs", paramLabel = "PATH",
            description = "Score on the official Omniglot one-shot runs (all_runs.zip or its unpacked directory) "
                    + "instead of sampled episodes; prints accuracy over all runs.")
    Path omniglotRuns;

    @Option(names = "--within-alphabet",
            description = "Score on the within-alphabet set of an omniglot-small run: per episode WAY characters of "
                    + "one alphabet of the split, one exemplar each and one test item each by another drawer; "
                    + "prints error and accuracy over the test items with a 95%% interval.")
    boolean withinAlphabet;

    @Mixin
    PluginsDirOption plugins;

    EvalCommand(Console console) {
        this.console = console;
    }

    /** One member of the evaluation: its checkpoint file, the checkpoint and the configuration it was trained with. */
    private record Member(Path file, Checkpoint checkpoint, RunConfig run) {
    }

    @Override
    public Integer call() {
        List<Member> members = new ArrayList<>();
        for (Path target : targets) {
            Member m = read(target);
            if (!members.isEmpty() && !m.run().dataset().equals(members.get(0).run().dataset())) {
                throw new ConfigException("dataset", "an ensemble's runs must share the data set and its parameters: "
                        + members.get(0).file() + " has " + members.get(0).run().dataset() + ", " + m.file()
                        + " has " + m.run().dataset());
            }
            members.add(m);
        }
        Member first = members.get(0);
        try (Session session = Session.open(plugins.orElse(first.run().pluginsDir()), console.err())) {
            try {
                return evaluate(session, members);
            } catch (RuntimeException e) {
                throw session.explain(e);
            }
        }
    }

    private int evaluate(Session session, List<Member> members) {
        Member first = members.get(0);
        Backend backend = BackendSelector.select(session.registry(), first.run().backend(), first.file().toString());
        backend.activate();
        EvalConfig eval = overridden(first.run().eval());
        RunComponents components = null;
        List<Learner> learners = new ArrayList<>();
        List<Adapter> adapters = new ArrayList<>();
        for (Member m : members) {
            RunComponents c = RunComponents.open(m.run(), session.registry(), m.file().toString());
            components = components == null ? c : components;
            Learner learner = c.learner();
            String file = m.file().toString();
            TrainingCheckpoint.load(learner, TrainingCheckpoint.learnerState(m.checkpoint(), file), file);
            learners.add(learner);
            adapters.add(learner.adapter());
        }
        String trainSplit = first.run().train().split();
        TestTimeAugmentation.check(components.dataset(), trainSplit, eval.views());
        Adapter adapter = TestTimeAugmentation.around(EnsembleAdapter.of(adapters), components.dataset(), trainSplit,
                eval.views(), eval.seed());
        ObjectNode json;
        if (omniglotRuns != null) {
            json = oneShotRunsJson(adapter, components);
        } else if (withinAlphabet) {
            json = withinAlphabetJson(adapter, session, first, eval);
        } else {
            TaskSource episodes = components.episodes(eval.split(), eval.way(), eval.shot(), eval.query());
            EvalResult r;
            try (EvalProgressBars bars = new EvalProgressBars(console.err(), console.errIsTerminal())) {
                // a learner that acts in control tasks scores them itself; an ensemble of those is refused there
                r = learners.size() == 1 && learners.get(0) instanceof TaskScorer
                        ? Evaluator.evaluate(learners.get(0), episodes, eval.episodes(), eval.seed(), bars)
                        : Evaluator.evaluate(adapter, episodes, eval.episodes(), eval.seed(), bars);
            }
            json = ConfigMappers.plain().createObjectNode()
                    .put(r.metric(), r.value())
                    .put("ci95", r.ci95())
                    .put("episodes", r.episodes())
                    .put("way", eval.way())
                    .put("shot", eval.shot())
                    .put("query", eval.query())
                    .put("split", eval.split())
                    .put("seed", eval.seed());
            r.secondaryValues().forEach(json::put);
        }
        json.put("views", eval.views());
        describe(json, members);
        console.out().println(json);
        return 0;
    }

    private Member read(Path target) {
        ModelFile model = ModelFile.read(target);
        model.skipped().forEach(reason -> console.err().println("warning: " + reason
                + "; using the previous good checkpoint"));
        return new Member(model.file(), model.checkpoint(), model.runConfig());
    }

    /** Which checkpoints were scored: {@code checkpoint} and {@code iteration}, or a list of them for an ensemble. */
    private static void describe(ObjectNode json, List<Member> members) {
        if (members.size() == 1) {
            json.put("checkpoint", members.get(0).file().toString())
                    .put("iteration", members.get(0).checkpoint().iteration());
            return;
        }
        ArrayNode list = json.putArray("ensemble");
        for (Member m : members) {
            list.addObject().put("checkpoint", m.file().toString()).put("iteration", m.checkpoint().iteration());
        }
    }

    private ObjectNode oneShotRunsJson(Adapter adapter, RunComponents components) {
        long[] shape = components.dataset().inputShape();
        if (shape.length != 3 || shape[0] != 1 || shape[1] != shape[2]) {
            throw new ConfigException("dataset", "--omniglot-runs needs a model trained on square one-channel images, "
                    + "but this run's data set has example shape " + java.util.Arrays.toString(shape));
        }
        OneShotScore score = OneShotRunsScorer.score(adapter, omniglotRuns, (int) shape[1]);
        ObjectNode json = ConfigMappers.plain().valueToTree(score);
        return json.put("runs", score.perRun().size()).put("source", omniglotRuns.toString());
    }

    private ObjectNode withinAlphabetJson(Adapter adapter, Session session, Member first, EvalConfig eval) {
        int ways = way != null ? way : WithinAlphabetSet.WAY;
        int count = episodes != null ? episodes : WithinAlphabetSet.EPISODES;
        OneShotScore score = OneShotRunsScorer.score(adapter, WithinAlphabetSet.of(session.registry(),
                first.run().dataset(), eval.split(), ways, count, eval.seed(), first.file().toString()));
        ObjectNode json = ConfigMappers.plain().createObjectNode()
                .put("withinAlphabet", true)
                .put("error", score.error())
                .put("accuracy", score.accuracy())
                .put("ci95", score.ci95())
                .put("correct", score.correct())
                .put("items", score.items())
                .put("episodes", count)
                .put("way", ways)
                .put("split", eval.split())
                .put("seed", eval.seed());
        json.set("perEpisode", ConfigMappers.plain().valueToTree(score.perRun()));
        return json;
    }

    private EvalConfig overridden(EvalConfig base) {
        try {
            return new EvalConfig(split != null ? split : base.split(), way != null ? way : base.way(),
                    shot != null ? shot : base.shot(), query != null ? query : base.query(),
                    episodes != null ? episodes : base.episodes(), seed != null ? seed : base.seed(),
                    views != null ? views : base.views());
        } catch (IllegalArgumentException e) {
            throw new ConfigException("", "--" + e.getMessage(), e);
        }
    }
}

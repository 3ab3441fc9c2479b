package org.metalearn4j.examples.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.metalearn4j.core.backend.Backend;
import org.metalearn4j.core.checkpoint.Checkpoint;
import org.metalearn4j.core.checkpoint.CheckpointException;
import org.metalearn4j.core.checkpoint.CheckpointFile;
import org.metalearn4j.core.checkpoint.CheckpointStore;
import org.metalearn4j.core.config.ConfigLoader;
import org.metalearn4j.core.config.ConfigMappers;
import org.metalearn4j.core.config.EvalConfig;
import org.metalearn4j.core.config.RunConfig;
import org.metalearn4j.core.learner.Learner;
import org.metalearn4j.core.plugin.BackendSelector;
import org.metalearn4j.core.spi.ConfigException;
import org.metalearn4j.core.state.StateDict;
import org.metalearn4j.core.train.EvalResult;
import org.metalearn4j.core.train.Evaluator;
import org.metalearn4j.core.train.RunComponents;
import org.metalearn4j.core.train.TrainingCheckpoint;
import org.metalearn4j.datasets.omniglot.OneShotRunsScorer;
import org.metalearn4j.datasets.omniglot.OneShotScore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code metalearn eval}: scores a checkpoint on a fixed, seeded set of episodes and prints one JSON line. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Evaluates the newest good checkpoint of a run directory (or one checkpoint file) on seeded "
                + "episodes and prints one JSON line with accuracy (or mse), ci95 (95%% confidence half-width) and "
                + "episodes.", "Options default to the eval section of the run's configuration."},
        footerHeading = "%nExample:%n",
        footer = {"  ./metalearn eval runs/proto --way 5 --shot 5 --query 15 --episodes 600 \\",
                "      --seed 1",
                "  ./metalearn eval runs/proto/checkpoints/ckpt-00001000.ml4j",
                "  ./metalearn eval runs/proto --omniglot-runs all_runs.zip"})
final class EvalCommand implements Callable<Integer> {
    private final Console console;

    @Parameters(paramLabel = "RUN_DIR_OR_CHECKPOINT", description = "A run directory or a checkpoint file.")
    Path target;

    @Option(names = "--way", paramLabel = "N", description = "Classes per episode.")
    Integer way;

    @Option(names = "--shot", paramLabel = "K", description = "Support examples per class.")
    Integer shot;

    @Option(names = "--query", paramLabel = "Q", description = "Query examples per class.")
    Integer query;

    @Option(names = "--episodes", paramLabel = "E", description = "Number of episodes.")
    Integer episodes;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of the episode set.")
    Long seed;

    @Option(names = "--split", paramLabel = "SPLIT", description = "Data set split, e.g. meta-test.")
    String split;

    @Option(names = "--omniglot-runs", paramLabel = "PATH",
            description = "Score on the official Omniglot one-shot runs (all_runs.zip or its unpacked directory) "
                    + "instead of sampled episodes; prints accuracy over all runs.")
    Path omniglotRuns;

    @Mixin
    PluginsDirOption plugins;

    EvalCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        Path file;
        Checkpoint checkpoint;
        if (Files.isDirectory(target)) {
            CheckpointStore.Loaded loaded = new CheckpointStore(target, 1).latestGood()
                    .orElseThrow(() -> new CheckpointException("no checkpoint in " + target.resolve(
                            CheckpointStore.DIRECTORY)));
            loaded.skipped().forEach(reason -> console.err().println("warning: " + reason
                    + "; using the previous good checkpoint"));
            file = loaded.file();
            checkpoint = loaded.checkpoint();
        } else {
            file = target;
            checkpoint = CheckpointFile.read(target);
        }
        RunConfig run = ConfigLoader.fromJson(checkpoint.configJson(), file.toString());
        EvalConfig eval = overridden(run.eval());
        try (Session session = Session.open(plugins.orElse(run.pluginsDir()), console.err())) {
            try {
                return evaluate(session, run, eval, file, checkpoint);
            } catch (RuntimeException e) {
                throw session.explain(e);
            }
        }
    }

    private int evaluate(Session session, RunConfig run, EvalConfig eval, Path file, Checkpoint checkpoint) {
        StateDict state = TrainingCheckpoint.learnerState(checkpoint, file.toString());
        Backend backend = BackendSelector.select(session.registry(), run.backend(), file.toString());
        backend.activate();
        RunComponents components = RunComponents.open(run, session.registry(), file.toString());
        Learner learner = components.learner();
        TrainingCheckpoint.load(learner, state, file.toString());
        if (omniglotRuns != null) {
            console.out().println(oneShotRunsJson(learner, components, file, checkpoint));
            return 0;
        }
        EvalResult r = Evaluator.evaluate(learner.adapter(),
                components.episodes(eval.split(), eval.way(), eval.shot(), eval.query()), eval.episodes(),
                eval.seed());
        ObjectNode json = ConfigMappers.plain().createObjectNode()
                .put(r.metric(), r.value())
                .put("ci95", r.ci95())
                .put("episodes", r.episodes())
                .put("way", eval.way())
                .put("shot", eval.shot())
                .put("query", eval.query())
                .put("split", eval.split())
                .put("seed", eval.seed())
                .put("checkpoint", file.toString())
                .put("iteration", checkpoint.iteration());
        console.out().println(json);
        return 0;
    }

    private String oneShotRunsJson(Learner learner, RunComponents components, Path file, Checkpoint checkpoint) {
        long[] shape = components.dataset().inputShape();
        if (shape.length != 3 || shape[0] != 1 || shape[1] != shape[2]) {
            throw new ConfigException("dataset", "--omniglot-runs needs a model trained on square one-channel images, "
                    + "but this run's data set has example shape " + java.util.Arrays.toString(shape));
        }
        OneShotScore score = OneShotRunsScorer.score(learner.adapter(), omniglotRuns, (int) shape[1]);
        ObjectNode json = ConfigMappers.plain().valueToTree(score);
        return json.put("runs", score.perRun().size())
                .put("source", omniglotRuns.toString())
                .put("checkpoint", file.toString())
                .put("iteration", checkpoint.iteration())
                .toString();
    }

    private EvalConfig overridden(EvalConfig base) {
        try {
            return new EvalConfig(split != null ? split : base.split(), way != null ? way : base.way(),
                    shot != null ? shot : base.shot(), query != null ? query : base.query(),
                    episodes != null ? episodes : base.episodes(), seed != null ? seed : base.seed());
        } catch (IllegalArgumentException e) {
            throw new ConfigException("", "--" + e.getMessage(), e);
        }
    }
}
